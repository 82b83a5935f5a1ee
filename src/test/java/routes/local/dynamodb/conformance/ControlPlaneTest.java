package routes.local.dynamodb.conformance;

/** Control plane cases on our emulator, or on -Dddb.conformance.endpoint. */
class ControlPlaneTest extends ControlPlaneCases {}
