package io.nanopulse.contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** contracts is what the services share: it knows none of them and has no package cycles. */
class ArchitectureTest {
    static final ArchRule IMPORTS_NO_SERVICE = noClasses().that().resideInAPackage("io.nanopulse.contracts..")
            .should().dependOnClassesThat().resideInAnyPackage("io.nanopulse.ingest..", "io.nanopulse.metrics..",
                    "io.nanopulse.alerts..", "io.nanopulse.gateway..", "io.nanopulse.testkit..",
                    "io.nanopulse.loadgen..", "io.nanopulse.system..")
            .because("services depend on contracts, never the other way");

    static final ArchRule NO_CYCLES = slices().matching("io.nanopulse.contracts.(**)").should().beFreeOfCycles();

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.nanopulse.contracts");

    @Test
    void contractsImportNoService() {
        IMPORTS_NO_SERVICE.check(MAIN);
    }

    @Test
    void contractsHaveNoPackageCycles() {
        NO_CYCLES.check(MAIN);
    }

    @Test
    void theRuleFailsOnAContractsClassThatImportsAService() {
        JavaClasses withViolation = new ClassFileImporter().importPackages("io.nanopulse.contracts.fixture");
        assertTrue(IMPORTS_NO_SERVICE.evaluate(withViolation).hasViolation());
    }
}
