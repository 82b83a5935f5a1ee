package routes.local.dynamodb.conformance;

/** Data type cases on dynalite, the third-party reference. */
class TypesDynaliteTest extends TypeCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
