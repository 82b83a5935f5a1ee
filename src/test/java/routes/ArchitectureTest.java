package routes;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.Slice;
import java.util.List;
import java.util.Optional;

/**
 * The package structure as rules: packages depend one way, the emulators stay out of the
 * application, and bounded contexts meet only through the generic saga kernel, the order-saga
 * contract, the shared infrastructure and each other's published event declarations. Bytecode
 * is checked, so an inlined String constant (OrderEvents.CREATED) leaves no trace to forbid.
 */
@AnalyzeClasses(packages = "routes", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final List<String> CONTEXTS = List.of("order", "inventory", "payment", "orderview", "notification");
    static final List<String> SAGA_PARTICIPANTS = List.of("order", "inventory", "payment");
    /** What every context may use: the saga kernel, the order-saga contract and the infrastructure. */
    static final List<String> SHARED = List.of("saga", "ordersaga", "outbox", "inbox", "aws", "api", "timeline");

    @ArchTest
    static final ArchRule firstLevelPackagesHaveNoCycles = slices().matching("routes.(*)..")
            .should().beFreeOfCycles()
            .because("each package under routes builds on the ones below it, so any one can change without the rest");

    // Every package its own slice: also catches routes.aws <-> routes.aws.resources, one slice above.
    // The emulators are left out (nothing of the application can take part in their cycles, see below):
    // routes.local.dynamodb and its streams/durability packages share DynamoDbEmulatorSettings both ways.
    @ArchTest
    static final ArchRule applicationPackagesHaveNoCyclesAtAnyDepth = slices().matching("routes.(**)")
            .that(areNotTheEmulators())
            .should().beFreeOfCycles()
            .because("inside a context or the infrastructure too, a package depends on another only one way");

    @ArchTest
    static final ArchRule applicationPackagesDoNotUseTheEmulators = noClasses()
            .that().resideOutsideOfPackage("routes.local..")
            .should().dependOnClassesThat().resideInAPackage("routes.local..")
            .because("routes.local is wired by component scan in embedded mode only, and `mvn -Dproduction package` "
                    + "leaves it out of the jar");

    @ArchTest
    static final ArchRule theDynamoDbEmulatorUsesNothingOfTheApplication = noClasses()
            .that().resideInAPackage("routes.local.dynamodb..")
            .should().dependOnClassesThat(resideInAPackage("routes..")
                    .and(not(resideInAPackage("routes.local.dynamodb.."))))
            .because("the DynamoDB emulator stands on its own, like the AWS service it replaces");

    @ArchTest
    static final ArchRule contextsMeetOnlyThroughSharedPackagesAndPublishedEvents = classes()
            .that().resideInAnyPackage(packages(CONTEXTS))
            .should(useOtherApplicationPackagesOnlyThroughSharedPackagesOrEvents())
            .because("a context's internals change without the others noticing; its *Events class is its published "
                    + "language");

    @ArchTest
    static final ArchRule sagaParticipantsNeverUseEachOther = slices().matching("routes.(*)..")
            .that(namedAnyOf(SAGA_PARTICIPANTS))
            .should().notDependOnEachOther()
            .because("order, inventory and payment meet only through the order-saga contract (routes.ordersaga)");

    @ArchTest
    static final ArchRule theSagaKernelKnowsNoContext = noClasses()
            .that().resideInAPackage("routes.saga..")
            .should().dependOnClassesThat().resideInAnyPackage(packages(CONTEXTS))
            .orShould().dependOnClassesThat().resideInAPackage("routes.ordersaga..")
            .because("the saga kernel is generic: the order saga is built on it, not in it");

    private static String[] packages(List<String> firstLevel) {
        return firstLevel.stream().map(name -> "routes." + name + "..").toArray(String[]::new);
    }

    private static DescribedPredicate<Slice> namedAnyOf(List<String> firstLevel) {
        return DescribedPredicate.describe("are " + String.join(", ", firstLevel),
                slice -> firstLevel.contains(slice.getNamePart(1)));
    }

    private static DescribedPredicate<Slice> areNotTheEmulators() {
        return DescribedPredicate.describe("are not the emulators (routes.local)",
                slice -> !(slice.getNamePart(1).equals("local") || slice.getNamePart(1).startsWith("local.")));
    }

    private static ArchCondition<JavaClass> useOtherApplicationPackagesOnlyThroughSharedPackagesOrEvents() {
        return new ArchCondition<>("use other packages of routes only if shared (" + String.join(", ", SHARED)
                + ") or another context's *Events") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = firstLevelPackage(origin).orElseThrow();
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass();
                    Optional<String> targetPackage = firstLevelPackage(target);
                    if (targetPackage.isEmpty() || targetPackage.get().equals(own)
                            || SHARED.contains(targetPackage.get())) {
                        continue;
                    }
                    boolean publishedEvents = CONTEXTS.contains(targetPackage.get())
                            && outermost(target).getSimpleName().endsWith("Events");
                    if (!publishedEvents) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The first package under routes a class lives in; empty outside routes (libraries) and for routes itself. */
    private static Optional<String> firstLevelPackage(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith("routes.")) {
            return Optional.empty();
        }
        String rest = name.substring("routes.".length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static JavaClass outermost(JavaClass javaClass) {
        JavaClass outer = javaClass;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }
}
