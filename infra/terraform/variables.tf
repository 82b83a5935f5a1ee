variable "region" {
  description = "AWS region of every resource; the application's app.aws.region (AWS_REGION)."
  type        = string
  default     = "us-east-1"
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default = {
    application = "camel-saga-outbox"
  }
}

# Names: each defaults to the application's default (app.resources.* in application.yaml), so a
# stack with the defaults needs no configuration; change them to run several stacks in one account.

variable "orders_table" {
  description = "app.resources.orders-table"
  type        = string
  default     = "orders"
}

variable "inventory_table" {
  description = "app.resources.inventory-table"
  type        = string
  default     = "inventory"
}

variable "payments_table" {
  description = "app.resources.payments-table"
  type        = string
  default     = "payments"
}

variable "outbox_table" {
  description = "app.resources.outbox-table"
  type        = string
  default     = "outbox"
}

variable "inbox_table" {
  description = "app.resources.inbox-table"
  type        = string
  default     = "inbox"
}

variable "order_view_table" {
  description = "app.resources.order-view-table"
  type        = string
  default     = "order_view"
}

variable "notifications_table" {
  description = "app.resources.notifications-table"
  type        = string
  default     = "notifications"
}

variable "timeline_table" {
  description = "app.resources.timeline-table"
  type        = string
  default     = "saga_timeline"
}

variable "topic" {
  description = "app.resources.topic"
  type        = string
  default     = "order-events"
}

# One entry per consumer of the application (its name, as in app.resources.queues and
# app.routes.consumers): its queue (default: the consumer's name, app.resources.queues.<name>) and the
# event types its subscription lets through (empty: every event), its InboxConsumer's subscriptionFilter.
variable "consumers" {
  description = "Consumer name -> { queue (default: the name), event_types (empty: unfiltered) }."
  type = map(object({
    queue       = optional(string)
    event_types = optional(list(string), [])
  }))
  default = {
    notification = { event_types = ["order.cancelled", "order.confirmed"] }
    order-view   = { event_types = [] }
  }
}

variable "dead_letter_suffix" {
  description = "app.resources.dead-letter-suffix: a dead-letter queue is named after its queue plus this."
  type        = string
  default     = "-dlq"
}

variable "max_receive_count" {
  description = "app.resources.max-receive-count: receives after which SQS moves a message to the dead-letter queue."
  type        = number
  default     = 5
}

variable "visibility_timeout_seconds" {
  description = "app.resources.visibility-timeout in seconds; must exceed app.inbox.lease (see messaging.tf)."
  type        = number
  default     = 30
}

variable "dead_letter_retention_seconds" {
  description = "How long a dead-letter queue keeps a message; the application checks for at least 14 days."
  type        = number
  default     = 1209600

  validation {
    condition     = var.dead_letter_retention_seconds == 1209600
    error_message = "SQS keeps a message at most 14 days (1209600 s) and the application refuses less."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for the tables and the topic; null: AWS owned keys (tables) and no topic encryption."
  type        = string
  default     = null
}

variable "point_in_time_recovery" {
  description = "Continuous backups (35 days) of every table."
  type        = bool
  default     = true
}

variable "role_name" {
  description = "Name of the IAM role the application runs as."
  type        = string
  default     = "camel-saga-outbox"
}

variable "workload_platform" {
  description = "Who assumes the role: ecs (ECS task role), eks-irsa (IAM roles for service accounts) or eks-pod-identity."
  type        = string
  default     = "ecs"

  validation {
    condition     = contains(["ecs", "eks-irsa", "eks-pod-identity"], var.workload_platform)
    error_message = "workload_platform is one of ecs, eks-irsa, eks-pod-identity."
  }
}

variable "eks_oidc_provider_arn" {
  description = "eks-irsa: ARN of the cluster's IAM OIDC provider (arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>)."
  type        = string
  default     = null
}

variable "eks_service_account" {
  description = "eks-irsa: the application's service account as namespace:name."
  type        = string
  default     = "camel-saga-outbox:camel-saga-outbox"
}

variable "alarm_actions" {
  description = "ARNs (e.g. an SNS topic that pages) notified by the queue alarms; empty: alarms only show in the console."
  type        = list(string)
  default     = []
}

variable "oldest_message_alarm_seconds" {
  description = "Alarm when a consumer queue's oldest message is older than this: the consumers are stuck or too few."
  type        = number
  default     = 300
}
