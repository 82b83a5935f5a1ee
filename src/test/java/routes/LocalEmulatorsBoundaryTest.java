package routes;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The emulators exist only for local runs: `mvn -Dproduction package` leaves routes.local out of the
 * jar, which works only while no application class needs it. The DynamoDB emulator stands on its own,
 * like the AWS service it replaces.
 */
@AnalyzeClasses(packages = "routes", importOptions = ImportOption.DoNotIncludeTests.class)
class LocalEmulatorsBoundaryTest {

    @ArchTest
    static final ArchRule applicationPackagesDoNotUseTheEmulators = noClasses()
            .that().resideOutsideOfPackage("routes.local..")
            .should().dependOnClassesThat().resideInAPackage("routes.local..");

    @ArchTest
    static final ArchRule theDynamoDbEmulatorUsesNothingOfTheApplication = noClasses()
            .that().resideInAPackage("routes.local.dynamodb..")
            .should().dependOnClassesThat(resideInAPackage("routes..")
                    .and(not(resideInAPackage("routes.local.dynamodb.."))));
}
