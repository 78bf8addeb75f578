package io.privatelink.provisioner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The packages follow the data, each importing only packages below it; only the functions know the @Funq classes;
 * the simulator and the service know nothing of each other.
 */
class ArchitectureTest {

    static final String BASE = "io.privatelink.provisioner";
    static final String SIMULATOR = "io.privatelink.simulator";
    /** Top to bottom: a package may use its own classes and those of the packages after it. */
    static final List<String> LAYERS = List.of("http", "push", "functions", "invocation", "drivers", "provisioning",
            "messaging", "callbacks", "telemetry", "auth", "job", "cloud", "config", "api");

    static final JavaClasses SERVICE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);
    static final JavaClasses SIMULATED = new ClassFileImporter().importPackages(SIMULATOR);

    static String layer(JavaClass c) {
        String rest = c.getPackageName().substring(BASE.length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }

    static Set<String> violations(JavaClasses classes, java.util.function.Predicate<Dependency> broken) {
        return classes.stream().flatMap(c -> c.getDirectDependenciesFromSelf().stream()).filter(broken)
                .map(Dependency::getDescription).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyPackageOfTheServiceIsALayer() {
        Set<String> packages = SERVICE.stream().map(ArchitectureTest::layer).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(LAYERS), packages);
    }

    @Test
    void noArrowRunsUpward() {
        Set<String> upward = violations(SERVICE, d -> {
            JavaClass target = d.getTargetClass();
            if (!target.getPackageName().startsWith(BASE + ".")) {
                return false;
            }
            int from = LAYERS.indexOf(layer(d.getOriginClass()));
            int to = LAYERS.indexOf(layer(target));
            return to < from;
        });
        assertEquals(Set.of(), upward, "dependencies on a package above");
    }

    @Test
    void onlyTheFunctionsKnowTheFunqyClasses() {
        Set<String> funqy = SERVICE.stream()
                .filter(c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith("io.quarkus.funqy.Funq")))
                .map(JavaClass::getName).collect(Collectors.toSet());
        assertTrue(funqy.size() >= 5, "the five functions are found: " + funqy);
        Set<String> outside = violations(SERVICE, d -> funqy.contains(d.getTargetClass().getName())
                && !layer(d.getOriginClass()).equals("functions"));
        assertEquals(Set.of(), outside, "a @Funq class used outside functions");
        Set<String> misplaced = funqy.stream().filter(n -> !n.startsWith(BASE + ".functions.")).collect(Collectors.toSet());
        assertEquals(Set.of(), misplaced, "a @Funq class outside functions");
    }

    @Test
    void theSimulatorAndTheServiceKnowNothingOfEachOther() {
        assertTrue(SIMULATED.size() > 5, "the simulator's classes are found");
        assertEquals(Set.of(), violations(SIMULATED, d -> d.getTargetClass().getPackageName().startsWith(BASE)),
                "the simulator uses the service");
        assertEquals(Set.of(), violations(SERVICE, d -> d.getTargetClass().getPackageName().startsWith(SIMULATOR)),
                "the service uses the simulator");
    }
}
