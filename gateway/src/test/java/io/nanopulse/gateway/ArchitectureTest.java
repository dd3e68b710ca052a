package io.nanopulse.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.nanopulse.testkit.architecture.ServiceTemplate;

/** The service follows the package template (see ServiceTemplate); the build fails where it does not. */
@AnalyzeClasses(packages = "io.nanopulse.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests TEMPLATE = ArchTests.in(ServiceTemplate.class);
}
