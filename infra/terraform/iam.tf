# The application's role: only the calls it makes, on exactly the resources above (TerraformDriftTest
# checks that no Action or Resource of the application policy holds a wildcard). TransactWriteItems
# has no IAM action of its own: DynamoDB authorises each item as PutItem, UpdateItem, DeleteItem or
# ConditionCheckItem. PublishBatch is authorised as sns:Publish.

locals {
  tables = [
    aws_dynamodb_table.orders.arn,
    aws_dynamodb_table.inventory.arn,
    aws_dynamodb_table.payments.arn,
    aws_dynamodb_table.outbox.arn,
    aws_dynamodb_table.inbox.arn,
    aws_dynamodb_table.order_view.arn,
    aws_dynamodb_table.notifications.arn,
    aws_dynamodb_table.timeline.arn,
  ]
  queues = [
    aws_sqs_queue.notification.arn,
    aws_sqs_queue.notification_dead_letter.arn,
    aws_sqs_queue.order_view.arn,
    aws_sqs_queue.order_view_dead_letter.arn,
  ]
}

data "aws_iam_policy_document" "application" {
  # ResourceVerifier at start-up (aws mode creates nothing, it checks).
  statement {
    sid       = "VerifyTables"
    actions   = ["dynamodb:DescribeTable"]
    resources = local.tables
  }

  statement {
    sid     = "VerifyTimeToLive"
    actions = ["dynamodb:DescribeTimeToLive"]
    resources = [
      aws_dynamodb_table.outbox.arn,
      aws_dynamodb_table.inbox.arn,
      aws_dynamodb_table.timeline.arn,
    ]
  }

  # The saga log (SagaLog, OrderLog) and the saga explorer's list of all orders (SagaListing).
  statement {
    sid       = "Orders"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Scan"]
    resources = [aws_dynamodb_table.orders.arn]
  }

  # Saga recovery and /api/sagas (orders-pending), the relay's sweeper (outbox-pending).
  statement {
    sid     = "PendingIndexes"
    actions = ["dynamodb:Query"]
    resources = [
      "${aws_dynamodb_table.orders.arn}/index/orders-pending",
      "${aws_dynamodb_table.outbox.arn}/index/outbox-pending",
    ]
  }

  statement {
    sid       = "Inventory"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.inventory.arn]
  }

  # PaymentStore and the simulated provider's ledger.
  statement {
    sid       = "Payments"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
    resources = [aws_dynamodb_table.payments.arn]
  }

  # Events written with their business row, marked published by the relay, read by the explorer.
  statement {
    sid       = "Outbox"
    actions   = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.outbox.arn]
  }

  # Camel's aws2-ddbstream consumer (the relay). The stream's label is known only after apply.
  statement {
    sid       = "OutboxStream"
    actions   = ["dynamodb:DescribeStream", "dynamodb:GetShardIterator", "dynamodb:GetRecords"]
    resources = [aws_dynamodb_table.outbox.stream_arn]
  }

  # The consumers' claims and processed ids (InboxRepository), read in batches by the explorer.
  statement {
    sid       = "Inbox"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchGetItem"]
    resources = [aws_dynamodb_table.inbox.arn]
  }

  statement {
    sid       = "OrderView"
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
    resources = [aws_dynamodb_table.order_view.arn]
  }

  statement {
    sid       = "NotificationsAndTimeline"
    actions   = ["dynamodb:PutItem", "dynamodb:Query"]
    resources = [aws_dynamodb_table.notifications.arn, aws_dynamodb_table.timeline.arn]
  }

  # The relay publishes (PublishBatch); the verifier lists the topic's subscriptions.
  statement {
    sid       = "Topic"
    actions   = ["sns:Publish", "sns:ListSubscriptionsByTopic"]
    resources = [aws_sns_topic.events.arn]
  }

  # Consumers (receive, delete, defer), dead letters (send), replay (receive a DLQ, send to its queue),
  # the dead-letter gauges (peek) and the verifier (attributes).
  statement {
    sid = "Queues"
    actions = [
      "sqs:GetQueueUrl",
      "sqs:GetQueueAttributes",
      "sqs:ReceiveMessage",
      "sqs:DeleteMessage",
      "sqs:ChangeMessageVisibility",
      "sqs:SendMessage",
    ]
    resources = local.queues
  }
}

# Calls IAM cannot scope to a resource (they only accept Resource "*"), made by this version of the
# application or by Camel: ListStreams by aws2-ddbstream on every start of the relay; ListQueues by
# aws2-sqs to find a queue's URL and by the SQS health check; ListTopics to find the topic's ARN and by
# the SNS health check; ListTables by the DynamoDB health check; GetSubscriptionAttributes by the
# verifier. They return names and settings, never data. infra/README.md says how each can go.
data "aws_iam_policy_document" "unscoped_listing" {
  statement {
    sid = "ListingWithoutResourceScope"
    actions = [
      "dynamodb:ListTables",
      "dynamodb:ListStreams",
      "sns:ListTopics",
      "sns:GetSubscriptionAttributes",
      "sqs:ListQueues",
    ]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "kms" {
  count = var.kms_key_arn == null ? 0 : 1

  statement {
    sid       = "CustomerManagedKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey"]
    resources = [var.kms_key_arn]
  }
}

resource "aws_iam_policy" "application" {
  name   = "${var.role_name}-application"
  policy = data.aws_iam_policy_document.application.json
}

resource "aws_iam_policy" "unscoped_listing" {
  count  = var.grant_unscoped_listing ? 1 : 0
  name   = "${var.role_name}-unscoped-listing"
  policy = data.aws_iam_policy_document.unscoped_listing.json
}

resource "aws_iam_policy" "kms" {
  count  = var.kms_key_arn == null ? 0 : 1
  name   = "${var.role_name}-kms"
  policy = data.aws_iam_policy_document.kms[0].json
}

resource "aws_iam_role" "application" {
  name               = var.role_name
  assume_role_policy = local.trust_policy

  lifecycle {
    precondition {
      condition     = var.workload_platform != "eks-irsa" || var.eks_oidc_provider_arn != null
      error_message = "workload_platform eks-irsa needs eks_oidc_provider_arn."
    }
  }
}

resource "aws_iam_role_policy_attachment" "application" {
  role       = aws_iam_role.application.name
  policy_arn = aws_iam_policy.application.arn
}

resource "aws_iam_role_policy_attachment" "unscoped_listing" {
  count      = var.grant_unscoped_listing ? 1 : 0
  role       = aws_iam_role.application.name
  policy_arn = aws_iam_policy.unscoped_listing[0].arn
}

resource "aws_iam_role_policy_attachment" "kms" {
  count      = var.kms_key_arn == null ? 0 : 1
  role       = aws_iam_role.application.name
  policy_arn = aws_iam_policy.kms[0].arn
}
