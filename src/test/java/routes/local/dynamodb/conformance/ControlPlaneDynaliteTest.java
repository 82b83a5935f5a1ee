package routes.local.dynamodb.conformance;

/** Control plane cases on dynalite, the third-party reference. */
class ControlPlaneDynaliteTest extends ControlPlaneCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
