package routes.local.dynamodb.conformance;

/** Query cases on our emulator, or on -Dddb.conformance.endpoint. */
class QueryTest extends QueryCases {}
