# The SQS side of the alarms in infra/README.md. The application's own signals (outbox_relay_lag,
# outbox_pending, the oldest PENDING saga) are Prometheus metrics: alarm on them where they are scraped.

# Any dead letter needs a look (then the replay API): a bug, bad data or an outage outlasting the retries.
resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each            = aws_sqs_queue.dead_letter
  alarm_name          = "${each.value.name}-not-empty"
  alarm_description   = "Dead letters of the ${each.key} consumer: inspect, fix, then replay them."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}

# Messages waiting long: consumers down, stuck on a claim, or too few for the load.
resource "aws_cloudwatch_metric_alarm" "oldest_message" {
  for_each            = aws_sqs_queue.consumer
  alarm_name          = "${each.value.name}-oldest-message"
  alarm_description   = "The ${each.key} consumer falls behind: its oldest message waits too long."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = each.value.name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.oldest_message_alarm_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions
}
