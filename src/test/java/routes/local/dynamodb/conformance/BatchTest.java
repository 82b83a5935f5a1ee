package routes.local.dynamodb.conformance;

/** Batch cases on our emulator, or on -Dddb.conformance.endpoint. */
class BatchTest extends BatchCases {}
