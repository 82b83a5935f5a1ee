package routes.local.dynamodb.conformance;

/** Error cases on our emulator, or on -Dddb.conformance.endpoint. */
class ErrorsTest extends ErrorCases {}
