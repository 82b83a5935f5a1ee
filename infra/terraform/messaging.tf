# The topic the outbox relay publishes to, and per consumer (routes.inbox.InboxConsumer beans:
# notification, order-view) a queue with its dead-letter queue and a raw-delivery subscription.
# A new consumer bean needs its own four resources here: TerraformDriftTest fails until they exist.

resource "aws_sns_topic" "events" {
  name              = var.topic
  kms_master_key_id = var.kms_key_arn
}

# Visibility timeout 30 s (app.resources.visibility-timeout) > inbox lease 20 s (app.inbox.lease) >
# a delivery's in-place retries, about 1.9 s: transient redeliveries 0.2 + 0.4 + 0.8 s (exponential
# from app.inbox.transient-retry-delay, capped at 5 s) x 1.15 for Camel's collision avoidance = 1.61 s,
# plus wait-retries 3 x wait-delay 100 ms. A live delivery keeps its claim while it retries; a crashed
# consumer's message reappears after its claim expired, so another instance takes it over instead of
# deferring it. routes.inbox.ConsumerTimings refuses to start when these do not hold.

resource "aws_sqs_queue" "notification_dead_letter" {
  name                      = "${var.notification_queue}${var.dead_letter_suffix}"
  message_retention_seconds = var.dead_letter_retention_seconds
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "notification" {
  name                       = var.notification_queue
  visibility_timeout_seconds = var.visibility_timeout_seconds
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.notification_dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "notification_dead_letter" {
  queue_url = aws_sqs_queue.notification_dead_letter.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.notification.arn]
  })
}

resource "aws_sqs_queue_policy" "notification" {
  queue_url = aws_sqs_queue.notification.id
  policy    = data.aws_iam_policy_document.notification_queue.json
}

data "aws_iam_policy_document" "notification_queue" {
  statement {
    sid       = "OnlyTheTopicSends"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.notification.arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.events.arn]
    }
  }
}

# Filtered: SNS delivers only the types the notification consumer reads (NotificationConsumer).
resource "aws_sns_topic_subscription" "notification" {
  topic_arn            = aws_sns_topic.events.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.notification.arn
  raw_message_delivery = true
  filter_policy_scope  = "MessageAttributes"
  # Matches the SNS message attribute "type", the CloudEvent type (AwsResources.EVENT_TYPE_ATTRIBUTE).
  filter_policy = jsonencode({
    type = ["order.cancelled", "order.confirmed"]
  })

  depends_on = [aws_sqs_queue_policy.notification]
}

resource "aws_sqs_queue" "order_view_dead_letter" {
  name                      = "${var.order_view_queue}${var.dead_letter_suffix}"
  message_retention_seconds = var.dead_letter_retention_seconds
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "order_view" {
  name                       = var.order_view_queue
  visibility_timeout_seconds = var.visibility_timeout_seconds
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.order_view_dead_letter.arn
    maxReceiveCount     = var.max_receive_count
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "order_view_dead_letter" {
  queue_url = aws_sqs_queue.order_view_dead_letter.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.order_view.arn]
  })
}

resource "aws_sqs_queue_policy" "order_view" {
  queue_url = aws_sqs_queue.order_view.id
  policy    = data.aws_iam_policy_document.order_view_queue.json
}

data "aws_iam_policy_document" "order_view_queue" {
  statement {
    sid       = "OnlyTheTopicSends"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.order_view.arn]

    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.events.arn]
    }
  }
}

# Unfiltered: every event reaches the order view (OrderViewConsumer); a type it does not read is dead-lettered.
resource "aws_sns_topic_subscription" "order_view" {
  topic_arn            = aws_sns_topic.events.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.order_view.arn
  raw_message_delivery = true

  depends_on = [aws_sqs_queue_policy.order_view]
}
