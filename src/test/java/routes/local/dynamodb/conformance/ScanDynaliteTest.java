package routes.local.dynamodb.conformance;

/** Scan cases on dynalite, the third-party reference. */
class ScanDynaliteTest extends ScanCases {

    @Override
    protected ConformanceTarget target() {
        return ConformanceTarget.dynalite();
    }
}
