# The application's role: only the calls it makes, on exactly the resources above (TerraformDriftTest
# checks that no Action or Resource of the application policy holds a wildcard). TransactWriteItems
# has no IAM action of its own: DynamoDB authorises each item as PutItem, UpdateItem, DeleteItem or
# ConditionCheckItem. PublishBatch is authorised as sns:Publish. The application makes none of the
# calls IAM grants only on "*" (ListStreams, ListQueues, ListTopics, ListTables): it names each
# resource. sts:GetCallerIdentity (the account of the topic's ARN) needs no permission.

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
  # Every consumer's queue and dead-letter queue, one ARN each.
  queues = concat(values(aws_sqs_queue.consumer)[*].arn, values(aws_sqs_queue.dead_letter)[*].arn)
}

data "aws_iam_policy_document" "application" {
  # ResourceVerifier at start-up (aws mode creates nothing, it checks), the DynamoDB health probe (orders)
  # and the relay, which finds the outbox stream in the table's LatestStreamArn instead of ListStreams.
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

  # The relay publishes (PublishBatch); the verifier and the SNS health probe read the topic, the
  # verifier lists its subscriptions. sns:GetSubscriptionAttributes is not here: IAM grants it on "*"
  # only, so the verifier skips raw delivery and filters (one WARN) and the drift test checks them.
  statement {
    sid       = "Topic"
    actions   = ["sns:Publish", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic"]
    resources = [aws_sns_topic.events.arn]
  }

  # Consumers (their URL by GetQueueUrl, receive, delete, defer), dead letters (send), replay (receive
  # a DLQ, send to its queue), the dead-letter gauges (peek), the verifier and the SQS health probe.
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

resource "aws_iam_role_policy_attachment" "kms" {
  count      = var.kms_key_arn == null ? 0 : 1
  role       = aws_iam_role.application.name
  policy_arn = aws_iam_policy.kms[0].arn
}
