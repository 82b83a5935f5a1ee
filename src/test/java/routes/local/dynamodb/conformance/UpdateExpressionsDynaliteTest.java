package routes.local.dynamodb.conformance;

/** Update expression cases on dynalite, the third-party reference. */
class UpdateExpressionsDynaliteTest extends UpdateExpressionCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
