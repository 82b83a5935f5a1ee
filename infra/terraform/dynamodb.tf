# The eight tables of routes.aws.resources.AwsResources: keys, indexes, stream and TTL exactly as
# the local bootstrap creates them (TerraformDriftTest compares the two). Every key attribute is a
# string (S) except the outbox's aggregateVersion (N). On-demand billing: an idle stack costs storage only.

locals {
  # Attribute DynamoDB's TTL deletes by (epoch seconds): AwsResources.TTL_ATTRIBUTE.
  ttl_attribute = "expiresAt"
}

resource "aws_dynamodb_table" "orders" {
  name         = var.orders_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"

  attribute {
    name = "orderId"
    type = "S"
  }

  attribute {
    name = "pendingBucket"
    type = "S"
  }

  attribute {
    name = "createdAt"
    type = "S"
  }

  # Sparse: only PENDING orders carry pendingBucket; the saga recovery and /api/sagas query it.
  global_secondary_index {
    name            = "orders-pending"
    hash_key        = "pendingBucket"
    range_key       = "createdAt"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "inventory" {
  name         = var.inventory_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "sku"

  attribute {
    name = "sku"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "payments" {
  name         = var.payments_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"

  attribute {
    name = "orderId"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "outbox" {
  name             = var.outbox_table
  billing_mode     = "PAY_PER_REQUEST"
  hash_key         = "aggregateKey"
  range_key        = "aggregateVersion"
  stream_enabled   = true
  stream_view_type = "NEW_IMAGE"

  attribute {
    name = "aggregateKey"
    type = "S"
  }

  attribute {
    name = "aggregateVersion"
    type = "N"
  }

  attribute {
    name = "pendingBucket"
    type = "S"
  }

  attribute {
    name = "occurredAt"
    type = "S"
  }

  # Sparse: only unpublished events carry pendingBucket; the sweeper republishes what it lists.
  global_secondary_index {
    name            = "outbox-pending"
    hash_key        = "pendingBucket"
    range_key       = "occurredAt"
    projection_type = "ALL"
  }

  ttl {
    attribute_name = local.ttl_attribute
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "inbox" {
  name         = var.inbox_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "inboxKey"

  attribute {
    name = "inboxKey"
    type = "S"
  }

  ttl {
    attribute_name = local.ttl_attribute
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "order_view" {
  name         = var.order_view_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "customerId"
  range_key    = "orderId"

  attribute {
    name = "customerId"
    type = "S"
  }

  attribute {
    name = "orderId"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "notifications" {
  name         = var.notifications_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"
  range_key    = "kind"

  attribute {
    name = "orderId"
    type = "S"
  }

  attribute {
    name = "kind"
    type = "S"
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}

resource "aws_dynamodb_table" "timeline" {
  name         = var.timeline_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "orderId"
  range_key    = "entryKey"

  attribute {
    name = "orderId"
    type = "S"
  }

  attribute {
    name = "entryKey"
    type = "S"
  }

  ttl {
    attribute_name = local.ttl_attribute
    enabled        = true
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery
  }

  server_side_encryption {
    enabled     = var.kms_key_arn != null
    kms_key_arn = var.kms_key_arn
  }
}
