package routes.local.dynamodb.conformance;

/** Item cases on dynalite, the third-party reference. */
class ItemsDynaliteTest extends ItemCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
