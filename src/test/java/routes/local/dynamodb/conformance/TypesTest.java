package routes.local.dynamodb.conformance;

/** Data type cases on our emulator, or on -Dddb.conformance.endpoint. */
class TypesTest extends TypeCases {}
