package com.tradingcontrol.local.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the platform, checked on the main classes of every module on this module's test
 * classpath (which holds all of them but the bench, the last of {@link #MODULES}). A module is the package below
 * {@code com.tradingcontrol}; a package named {@code internals} is usable only inside its module,
 * as in Kafka Streams. What each module may see is in README's module table and docs/architecture.md.
 */
class LayerRulesTest {
    private static final String ROOT = "com.tradingcontrol";
    /** The top-level package of each module (embedded-kafka's is {@code kafka}). */
    private static final List<String> MODULES =
            List.of("schemas", "domain", "codec", "kafka", "processors", "projections", "api", "cli", "local", "bench");
    /** The only domain class that may use Jackson: it parses the catalogue file; its API is InputStream in, domain out. */
    private static final String CATALOGUE_LOADER = ROOT + ".domain.config.ConfigCatalogueLoader";
    /**
     * What the API may use of the projections module: the store port and its errors, the projection
     * lifecycle (rebuild, drift, the projector's service) and the two store adapters' entry classes.
     */
    private static final Set<String> PROJECTIONS_API_PACKAGES = Set.of(ROOT + ".projections.store",
            ROOT + ".projections.rebuild", ROOT + ".projections.drift", ROOT + ".projections.service");
    private static final Set<String> PROJECTIONS_API_CLASSES = Set.of(
            ROOT + ".projections.projector.ProjectionContainer", ROOT + ".projections.projector.ProjectorTopics",
            // The one mapping between domain state and document (docs/architecture.md, "One fold"):
            // the API's reads decode the projected documents with it instead of a second mapping.
            ROOT + ".projections.projector.ControlDocuments", ROOT + ".projections.projector.ProfileDocuments",
            ROOT + ".projections.projector.ConfigDocuments",
            ROOT + ".projections.store.sqlite.SqliteProjectionStore",
            ROOT + ".projections.store.cosmos.CosmosProjectionStore");

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(ROOT);
        // Guards against a rule passing because nothing was imported (a module missing from the classpath).
        for (String module : MODULES.subList(0, MODULES.size() - 1)) {
            assertThat(main.stream().anyMatch(c -> c.getPackageName().startsWith(ROOT + "." + module + ".")
                    || c.getPackageName().equals(ROOT + "." + module))).as("main classes of " + module).isTrue();
        }
    }

    @Test
    void theDomainIsPlainJava() {
        classes().that().resideInAPackage(ROOT + ".domain..").and().doNotHaveFullyQualifiedName(CATALOGUE_LOADER)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..")
                .because("the domain is pure rules: no framework (Kafka, Avro, Jackson, Dropwizard, Jakarta,"
                        + " Cosmos, logging), no other module")
                .check(main);
    }

    @Test
    void onlyTheCatalogueLoaderParsesJsonAndKeepsItInside() {
        classes().that().haveFullyQualifiedName(CATALOGUE_LOADER)
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".domain..",
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.core..")
                .check(main);
        noMethods().that().areDeclaredIn(CATALOGUE_LOADER).and().arePublic()
                .should().haveRawReturnType(resideInAPackage("com.fasterxml.jackson.."))
                .orShould().haveRawParameterTypes(anyElementThat(resideInAPackage("com.fasterxml.jackson..")))
                .because("callers read the catalogue from an InputStream; Jackson stays an implementation detail")
                .check(main);
    }

    @Test
    void theCodecKnowsNoAdapter() {
        noClasses().that().resideInAPackage(ROOT + ".codec..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka.streams..", "io.dropwizard..",
                        "jakarta..", "com.azure..", ROOT + ".processors..", ROOT + ".projections..", ROOT + ".api..",
                        ROOT + ".local..", ROOT + ".cli..", ROOT + ".kafka..")
                .because("the codec is shared by the processors, projections, API and engine clients")
                .check(main);
    }

    @Test
    void onlyTheLauncherAndBenchUseTheStreamsAdapter() {
        noClasses().that().resideInAnyPackage(ROOT + ".api..", ROOT + ".projections..", ROOT + ".codec..",
                        ROOT + ".domain..", ROOT + ".schemas..", ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".processors..")
                .because("api and projections build without stream-processors on their classpath")
                .check(main);
    }

    @Test
    void theLauncherUsesOnlyTheProcessorsPublicApi() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".processors..")
                .should().dependOnClassesThat(processorsInternals())
                .because("the topology's classes are the Streams adapter's inside; the processor service and"
                        + " StreamsSettings are what a composition root needs")
                .check(main);
    }

    @Test
    void adaptersDoNotUseEachOther() {
        noClasses().that().resideInAPackage(ROOT + ".processors..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".api..", ROOT + ".projections..",
                        ROOT + ".local..", ROOT + ".cli..")
                .check(main);
        noClasses().that().resideInAPackage(ROOT + ".projections..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".api..", ROOT + ".processors..",
                        ROOT + ".local..", ROOT + ".cli..")
                .check(main);
    }

    @Test
    void theApiUsesOnlyTheProjectionsPublicApi() {
        noClasses().that().resideInAPackage(ROOT + ".api..")
                .should().dependOnClassesThat(projectionsInternals())
                .because("the API reads through the store port and drives the projector's lifecycle, nothing else")
                .check(main);
    }

    @Test
    void internalsStayInsideTheirModule() {
        for (String module : MODULES) {
            String own = ROOT + "." + module;
            ArchRule rule = noClasses().that().resideOutsideOfPackage(own + "..")
                    .should().dependOnClassesThat().resideInAPackage(own + "..internals..")
                    .because("a package named internals is public for its module's own packages only")
                    .allowEmptyShould(true);
            rule.check(main);
        }
    }

    private static DescribedPredicate<JavaClass> processorsInternals() {
        return DescribedPredicate.describe("are processors classes outside its public API", c ->
                c.getPackageName().startsWith(ROOT + ".processors")
                        && !c.getPackageName().equals(ROOT + ".processors.service")
                        && !topLevelName(c).equals(ROOT + ".processors.topology.StreamsSettings"));
    }

    private static DescribedPredicate<JavaClass> projectionsInternals() {
        return DescribedPredicate.describe("are projections classes outside its public API", c -> {
            return c.getPackageName().startsWith(ROOT + ".projections")
                    && !PROJECTIONS_API_PACKAGES.contains(c.getPackageName())
                    && !PROJECTIONS_API_CLASSES.contains(topLevelName(c));
        });
    }

    private static String topLevelName(JavaClass c) {
        return c.getName().contains("$") ? c.getName().substring(0, c.getName().indexOf('$')) : c.getName();
    }
}
