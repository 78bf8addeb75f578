package io.privatelink.provisioner.http;

import io.privatelink.provisioner.api.ServiceFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.ServiceFunction;
import io.privatelink.provisioner.fixtures.OpenApiContract.Check;
import io.privatelink.provisioner.fixtures.OpenApiContract.Outcome;
import io.privatelink.provisioner.fixtures.OpenApiContract;
import tools.jackson.databind.JsonNode;

/**
 * Run by Maven after the whole suite (its own surefire execution, pom.xml): the answers the suite's tests got, each
 * held to the OpenAPI document as it came (OpenApiResponseFilter, RawHttp), cover every caller-facing function and
 * every function, method and status the service answered during the suite (ServedAnswers). Writes the table of what
 * was checked to target/openapi-coverage.txt.
 */
class OpenApiCoverageAfterSuite {

    private static List<Check> checks;

    @BeforeAll
    static void read() throws IOException {
        String named = System.getProperty(OpenApiContract.RECORD_PROPERTY);
        assertTrue(named != null, "run by Maven, which names the record");
        Path record = Path.of(named);
        assertTrue(Files.exists(record), "the suite recorded no answers in " + record);
        checks = Files.readAllLines(record).stream().map(Check::parse).toList();
        Files.writeString(record.resolveSibling("openapi-coverage.txt"), table());
    }

    private static Set<String> keys(Outcome outcome) {
        return checks.stream().filter(c -> c.outcome() == outcome)
                .map(c -> c.method() + " " + c.path() + " " + c.status()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Per operation, the statuses held to the document and how many answers each. */
    private static String table() {
        Map<String, Map<Integer, Long>> byOperation = new TreeMap<>();
        checks.stream().filter(c -> c.outcome() == Outcome.VALID).forEach(c -> byOperation
                .computeIfAbsent(c.method() + " " + c.path(), k -> new TreeMap<>()).merge(c.status(), 1L, Long::sum));
        StringBuilder out = new StringBuilder("operation\tstatus: answers held to the document\n");
        byOperation.forEach((operation, statuses) -> out.append(operation).append('\t').append(statuses).append('\n'));
        return out.toString();
    }

    @Test
    void everyFunctionTheServiceAnsweredWithEveryStatusWasHeldToTheDocument() {
        Set<String> unchecked = keys(Outcome.SERVED);
        unchecked.removeAll(keys(Outcome.VALID));
        assertEquals(Set.of(), unchecked, "method, path and status the service answered that no test's answer held "
                + "to the document (a request from a browser or a raw socket only)");
    }

    @Test
    void everyCallerFacingFunctionWasHeldToTheDocumentInSuccessAndRefusal() {
        Set<String> valid = keys(Outcome.VALID);
        for (ServiceFunction function : ServiceFunction.values()) {
            if (!function.isInternal()) {
                String path = function.path();
                assertTrue(valid.stream().anyMatch(k -> k.equals(k.split(" ")[0] + " " + path + " "
                        + function.success())), path + ": no " + function.success() + " held to the document");
                assertTrue(valid.stream().anyMatch(k -> k.matches("\\w+ " + path + " 4\\d\\d")),
                        path + ": no refusal held to the document");
            }
        }
    }

    @Test
    void thePathsNoFunctionServesWereHeldToTheEdgesAnswers() {
        assertTrue(keys(Outcome.VALID).stream().anyMatch(k -> k.endsWith(" " + OpenApiContract.EDGE + " 404")),
                "an unknown function's 404 was checked");
    }
}
