# The topic the outbox relay publishes to, and per entry of var.consumers (one per consumer of the
# application: routes.inbox.InboxConsumer beans and app.routes.consumers.<name>) a queue with its
# dead-letter queue, a redrive allow policy, a queue policy and a raw-delivery subscription. A new
# consumer is one map entry: TerraformDriftTest fails, naming it, until the map has it.

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

resource "aws_sqs_queue" "dead_letter" {
  for_each                  = var.consumers
  name                      = "${coalesce(each.value.queue, each.key)}${var.dead_letter_suffix}"
  message_retention_seconds = var.dead_letter_retention_seconds
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "consumer" {
  for_each                   = var.consumers
  name                       = coalesce(each.value.queue, each.key)
  visibility_timeout_seconds = var.visibility_timeout_seconds
  sqs_managed_sse_enabled    = true
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dead_letter[each.key].arn
    maxReceiveCount     = var.max_receive_count
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "dead_letter" {
  for_each  = var.consumers
  queue_url = aws_sqs_queue.dead_letter[each.key].id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.consumer[each.key].arn]
  })
}

resource "aws_sqs_queue_policy" "consumer" {
  for_each  = var.consumers
  queue_url = aws_sqs_queue.consumer[each.key].id
  policy    = data.aws_iam_policy_document.consumer_queue[each.key].json
}

data "aws_iam_policy_document" "consumer_queue" {
  for_each = var.consumers

  statement {
    sid       = "OnlyTheTopicSends"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.consumer[each.key].arn]

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

# With event_types SNS delivers only those types; without, every event (a type the consumer does not
# read is dead-lettered). The filter matches the SNS message attribute "type", the CloudEvent type
# (AwsResources.EVENT_TYPE_ATTRIBUTE).
resource "aws_sns_topic_subscription" "consumer" {
  for_each             = var.consumers
  topic_arn            = aws_sns_topic.events.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.consumer[each.key].arn
  raw_message_delivery = true
  filter_policy_scope  = length(each.value.event_types) > 0 ? "MessageAttributes" : null
  filter_policy = length(each.value.event_types) > 0 ? jsonencode({
    type = each.value.event_types
  }) : null

  depends_on = [aws_sqs_queue_policy.consumer]
}
