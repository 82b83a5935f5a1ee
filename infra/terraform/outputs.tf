# One output per application configuration key (app.aws.region, app.resources.*), named after it, and
# the same as Spring environment variables in application_environment, for a task definition or a
# Kubernetes ConfigMap as is. TerraformDriftTest binds that map as the application would.

output "app_aws_region" {
  value = var.region
}

output "app_resources_orders_table" {
  value = aws_dynamodb_table.orders.name
}

output "app_resources_inventory_table" {
  value = aws_dynamodb_table.inventory.name
}

output "app_resources_payments_table" {
  value = aws_dynamodb_table.payments.name
}

output "app_resources_outbox_table" {
  value = aws_dynamodb_table.outbox.name
}

output "app_resources_inbox_table" {
  value = aws_dynamodb_table.inbox.name
}

output "app_resources_order_view_table" {
  value = aws_dynamodb_table.order_view.name
}

output "app_resources_notifications_table" {
  value = aws_dynamodb_table.notifications.name
}

output "app_resources_timeline_table" {
  value = aws_dynamodb_table.timeline.name
}

output "app_resources_topic" {
  value = aws_sns_topic.events.name
}

# The topic's ARN as the application takes it (without it, it builds the ARN from its account).
output "app_resources_topic_arn" {
  value = aws_sns_topic.events.arn
}

# app.resources.queues: a map, consumer name -> its queue.
output "app_resources_queues" {
  value = { for name, queue in aws_sqs_queue.consumer : name => queue.name }
}

output "app_resources_dead_letter_suffix" {
  value = var.dead_letter_suffix
}

output "app_resources_max_receive_count" {
  value = var.max_receive_count
}

output "app_resources_visibility_timeout" {
  value = "${var.visibility_timeout_seconds}s"
}

# Spring's relaxed binding: upper case, dots to underscores, dashes dropped; a map key keeps its dash
# (APP_RESOURCES_QUEUES_ORDER-VIEW binds app.resources.queues[order-view]).
output "application_environment" {
  description = "Environment of the application's container: the aws profile and every name above."
  value = merge({
    SPRING_PROFILES_ACTIVE           = "aws"
    APP_AWS_MODE                     = "aws"
    APP_AWS_REGION                   = var.region
    AWS_REGION                       = var.region
    APP_RESOURCES_ORDERSTABLE        = aws_dynamodb_table.orders.name
    APP_RESOURCES_INVENTORYTABLE     = aws_dynamodb_table.inventory.name
    APP_RESOURCES_PAYMENTSTABLE      = aws_dynamodb_table.payments.name
    APP_RESOURCES_OUTBOXTABLE        = aws_dynamodb_table.outbox.name
    APP_RESOURCES_INBOXTABLE         = aws_dynamodb_table.inbox.name
    APP_RESOURCES_ORDERVIEWTABLE     = aws_dynamodb_table.order_view.name
    APP_RESOURCES_NOTIFICATIONSTABLE = aws_dynamodb_table.notifications.name
    APP_RESOURCES_TIMELINETABLE      = aws_dynamodb_table.timeline.name
    APP_RESOURCES_TOPIC              = aws_sns_topic.events.name
    APP_RESOURCES_TOPICARN           = aws_sns_topic.events.arn
    APP_RESOURCES_DEADLETTERSUFFIX   = var.dead_letter_suffix
    APP_RESOURCES_MAXRECEIVECOUNT    = "${var.max_receive_count}"
    APP_RESOURCES_VISIBILITYTIMEOUT  = "${var.visibility_timeout_seconds}s"
  }, { for name, queue in aws_sqs_queue.consumer : "APP_RESOURCES_QUEUES_${upper(name)}" => queue.name })
}

output "role_arn" {
  description = "The application's role: the ECS task role, or the IRSA/Pod Identity role of its service account."
  value       = aws_iam_role.application.arn
}

output "dead_letter_queue_urls" {
  description = "For the replay API and the alarms: dead-letter queue URL by consumer."
  value       = { for name, queue in aws_sqs_queue.dead_letter : name => queue.url }
}
