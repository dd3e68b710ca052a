package io.nanopulse.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each template rule passes on a service of the right shape and fails on a deliberate violation of it. */
class ServiceTemplateTest {

    @Test
    void aServiceOfTheRightShapePassesEveryRule() {
        JavaClasses ok = classes("io.nanopulse.fixtureok");
        for (ArchRule rule : allRules()) {
            assertFalse(rule.evaluate(ok).hasViolation(), rule.getDescription());
        }
    }

    @Test
    void aResourceThatRunsItsOwnQueryIsAnUpwardOrSidewaysCall() {
        assertOnlyViolates(ServiceTemplate.LAYERS_ARE_CALLED_DOWNWARD_ONLY, "io.nanopulse.fixtureshortcut");
    }

    @Test
    void domainCallingAUseCaseIsAnUpwardCall() {
        assertOnlyViolates(ServiceTemplate.LAYERS_ARE_CALLED_DOWNWARD_ONLY, "io.nanopulse.fixtureupward");
    }

    @Test
    void packagesThatNeedEachOtherAreACycle() {
        assertOnlyViolates(ServiceTemplate.NO_PACKAGE_CYCLES, "io.nanopulse.fixturecycle");
    }

    @Test
    void aDomainThatKnowsKafkaIsNotPure() {
        assertOnlyViolates(ServiceTemplate.DOMAIN_IS_PURE_JAVA, "io.nanopulse.fixtureimpure");
    }

    @Test
    void importingAnotherServiceIsRefused() {
        assertOnlyViolates(ServiceTemplate.NO_SERVICE_IMPORTS_ANOTHER, "io.nanopulse.fixtureforeign");
    }

    @Test
    void aPackageOutsideTheTemplateIsRefused() {
        assertOnlyViolates(ServiceTemplate.EVERY_CLASS_IN_A_TEMPLATE_PACKAGE, "io.nanopulse.fixturestray");
    }

    @Test
    void everyRuleIsExercisedHere() {
        assertEquals(5, allRules().size(), "a new rule needs a fixture that violates it");
    }

    private static void assertOnlyViolates(ArchRule expected, String fixturePackage) {
        JavaClasses fixture = classes(fixturePackage);
        for (ArchRule rule : allRules()) {
            boolean violated = rule.evaluate(fixture).hasViolation();
            if (rule == expected) {
                assertTrue(violated, fixturePackage + " should violate: " + rule.getDescription());
            } else {
                assertFalse(violated, fixturePackage + " should only violate " + expected.getDescription()
                        + " but also violates: " + rule.getDescription());
            }
        }
    }

    private static JavaClasses classes(String pkg) {
        return new ClassFileImporter().importPackages(pkg);
    }

    private static List<ArchRule> allRules() {
        List<ArchRule> rules = new ArrayList<>();
        for (Field f : ServiceTemplate.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && ArchRule.class.isAssignableFrom(f.getType())) {
                try {
                    rules.add((ArchRule) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return rules;
    }
}
