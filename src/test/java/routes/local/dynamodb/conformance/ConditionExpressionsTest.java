package routes.local.dynamodb.conformance;

/** Condition expression cases on our emulator, or on -Dddb.conformance.endpoint. */
class ConditionExpressionsTest extends ConditionExpressionCases {}
