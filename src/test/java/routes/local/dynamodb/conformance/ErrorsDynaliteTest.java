package routes.local.dynamodb.conformance;

/** Error cases on dynalite, the third-party reference. */
class ErrorsDynaliteTest extends ErrorCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
