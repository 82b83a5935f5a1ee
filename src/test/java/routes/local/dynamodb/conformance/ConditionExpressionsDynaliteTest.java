package routes.local.dynamodb.conformance;

/** Condition expression cases on dynalite, the third-party reference. */
class ConditionExpressionsDynaliteTest extends ConditionExpressionCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
