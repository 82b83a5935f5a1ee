package routes.local.dynamodb.conformance;

/** Scan cases on our emulator, or on -Dddb.conformance.endpoint. */
class ScanTest extends ScanCases {}
