package routes.local.dynamodb.conformance;

/** Secondary index cases on dynalite, the third-party reference. */
class IndexesDynaliteTest extends IndexCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
