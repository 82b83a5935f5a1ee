package routes.local.dynamodb.conformance;

/** Secondary index cases on our emulator, or on -Dddb.conformance.endpoint. */
class IndexesTest extends IndexCases {}
