package routes.local.dynamodb.conformance;

/** Item cases on our emulator, or on -Dddb.conformance.endpoint. */
class ItemsTest extends ItemCases {}
