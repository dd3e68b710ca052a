package io.nanopulse.testkit.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.List;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package template every Nanopulse service follows, as rules the build checks. A service's
 * {@code ArchitectureTest} runs them over its main classes with {@code @ArchTest ArchTests.in(ServiceTemplate.class)}.
 *
 * <pre>
 * api          resources, request/response mapping, exception mappers, filters  (the HTTP face)
 *   └─> application   use cases; transactions begin and end here; the ports adapters implement
 *         └─> domain  pure Java: rules, state machines, ledgers; no framework types
 * persistence / messaging / client   adapters: implement application ports, or drive use cases
 * config / health                    typed configuration, readiness checks
 * </pre>
 */
public final class ServiceTemplate {
    /** Every class of a service lives in one of these packages, directly below the service's package. */
    public static final Set<String> PACKAGES = Set.of("api", "application", "domain", "persistence", "messaging",
            "client", "config", "health");

    /** Types the domain must not see: HTTP, persistence, messaging and container frameworks. */
    static final String[] FRAMEWORKS = {"jakarta.ws.rs..", "jakarta.persistence..", "jakarta.transaction..",
            "jakarta.enterprise..", "jakarta.inject..", "org.hibernate..", "io.quarkus..", "io.smallrye..",
            "org.apache.kafka..", "io.vertx..", "org.eclipse.microprofile..", "org.jboss.resteasy..", "java.sql..",
            "javax.sql.."};

    private ServiceTemplate() {
    }

    @ArchTest
    public static final ArchRule EVERY_CLASS_IN_A_TEMPLATE_PACKAGE = classes()
            .should(resideInATemplatePackage())
            .because("a newcomer who knows one service knows where everything is in the others");

    @ArchTest
    public static final ArchRule LAYERS_ARE_CALLED_DOWNWARD_ONLY = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Api").definedBy(templatePackage("api"))
            .layer("Application").definedBy(templatePackage("application"))
            .layer("Domain").definedBy(templatePackage("domain"))
            .layer("Persistence").definedBy(templatePackage("persistence"))
            .layer("Messaging").definedBy(templatePackage("messaging"))
            .layer("Client").definedBy(templatePackage("client"))
            .layer("Config").definedBy(templatePackage("config"))
            .layer("Health").definedBy(templatePackage("health"))
            .whereLayer("Api").mayOnlyAccessLayers("Application", "Domain", "Config")
            .whereLayer("Application").mayOnlyAccessLayers("Domain", "Config")
            .whereLayer("Domain").mayNotAccessAnyLayer()
            .whereLayer("Persistence").mayOnlyAccessLayers("Application", "Domain", "Config")
            .whereLayer("Messaging").mayOnlyAccessLayers("Application", "Domain", "Config")
            .whereLayer("Client").mayOnlyAccessLayers("Application", "Domain", "Config")
            .whereLayer("Config").mayOnlyAccessLayers("Domain")
            .whereLayer("Health").mayOnlyAccessLayers("Application", "Domain", "Config")
            .because("resources call use cases, use cases call ports, adapters implement them");

    @ArchTest
    public static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.nanopulse.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    public static final ArchRule DOMAIN_IS_PURE_JAVA = noClasses().that().resideInAPackage("io.nanopulse.*.domain..")
            .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
            .because("domain logic is plain Java that unit tests drive without Quarkus, Kafka or a database")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule NO_SERVICE_IMPORTS_ANOTHER = classes()
            .should(dependOnNoOtherNanopulseModule())
            .because("services share only the contracts module");

    /** Classes of a service's template package; contracts' own packages are no service layer. */
    private static DescribedPredicate<JavaClass> templatePackage(String name) {
        return JavaClass.Predicates.resideInAPackage("io.nanopulse.*." + name + "..")
                .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("io.nanopulse.contracts..")))
                .as("io.nanopulse.<service>." + name);
    }

    private static ArchCondition<JavaClass> resideInATemplatePackage() {
        return new ArchCondition<>("reside in io.nanopulse.<service>.<" + String.join("|", sorted(PACKAGES)) + ">") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String[] parts = c.getPackageName().split("\\.");
                boolean ok = parts.length >= 4 && parts[0].equals("io") && parts[1].equals("nanopulse")
                        && PACKAGES.contains(parts[3]);
                if (!ok) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " is not in a template package "
                            + sorted(PACKAGES)));
                }
            }
        };
    }

    /** A class of io.nanopulse.X may depend on io.nanopulse.X and io.nanopulse.contracts only. */
    static ArchCondition<JavaClass> dependOnNoOtherNanopulseModule() {
        return new ArchCondition<>("depend on no other Nanopulse service") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String own = module(c.getPackageName());
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String target = module(d.getTargetClass().getPackageName());
                    if (target != null && !target.equals(own) && !target.equals("contracts")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }

    /** The module a package belongs to (io.nanopulse.metrics.domain → metrics), or null outside Nanopulse. */
    static String module(String packageName) {
        if (!packageName.startsWith("io.nanopulse.")) {
            return null;
        }
        String rest = packageName.substring("io.nanopulse.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }
}
