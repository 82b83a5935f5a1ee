package routes.local.dynamodb.conformance;

/** Query cases on dynalite, the third-party reference. */
class QueryDynaliteTest extends QueryCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
