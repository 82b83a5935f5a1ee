package routes.local.dynamodb.conformance;

/** Update expression cases on our emulator, or on -Dddb.conformance.endpoint. */
class UpdateExpressionsTest extends UpdateExpressionCases {}
