package routes.local.dynamodb.conformance;

/** Batch cases on dynalite, the third-party reference. */
class BatchDynaliteTest extends BatchCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
