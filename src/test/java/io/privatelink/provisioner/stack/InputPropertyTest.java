package io.privatelink.provisioner.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Thousands of generated requests (jqwik's generators): valid ones, valid ones broken by one known mutation, and
 * malformed bodies. Never a 5xx; every refusal in the error shape with the expected Code; every valid one accepted;
 * nothing refused recorded or queued.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class InputPropertyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int VALID = 500;
    static final int MUTATED = 500;
    static final int MALFORMED = 200;

    /** One way to break a valid request, and the Code that must answer it. */
    record Mutation(String code, Consumer<ObjectNode> apply) {
    }

    static Arbitrary<String> letters(int min, int max) {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(min).ofMaxLength(max);
    }

    static Arbitrary<String> endpointNames() {
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
                .withChars('-', '_', '節', '點').ofMinLength(1).ofMaxLength(127);
        return Combinators.combine(Arbitraries.of('a', 'Z', '終'), rest).as((first, tail) -> first + tail);
    }

    static Arbitrary<ObjectNode> validRequests() {
        Arbitrary<String> type = Arbitraries.of("Interface", "Reverse", "GatewayLoadBalancer");
        Arbitrary<List<Integer>> zones = Arbitraries.integers().between(0, 9).list().ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> groups = letters(1, 12).map(s -> "sg-" + s).list().ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> tagKeys = letters(1, 64).filter(k -> !k.startsWith("aliyun")).list().ofMaxSize(5)
                .uniqueElements();
        Arbitrary<String> description = Arbitraries.strings().alpha().numeric().withChars(' ', '.').ofMinLength(2)
                .ofMaxLength(256);
        return Combinators.combine(endpointNames().injectNull(0.2), description.injectNull(0.5), type, zones, groups,
                tagKeys, Arbitraries.of(true, false)).as((name, desc, t, z, g, k, dual) -> {
                    ObjectNode r = InputContractTest.valid();
                    if (name != null) {
                        r.put("EndpointName", name);
                    }
                    if (desc != null) {
                        r.put("EndpointDescription", desc);
                    }
                    r.put("EndpointType", t);
                    if (dual && !t.equals("Reverse")) {
                        r.put("AddressIpVersion", "DualStack");
                    }
                    ArrayNode zoneArray = r.putArray("Zone");
                    z.forEach(i -> zoneArray.addObject().put("VSwitchId", "vsw-" + i).put("ZoneId", "cn-hangzhou-" + i)
                            .put("ip", "192.168.1." + (10 + i)));
                    if (!t.equals("GatewayLoadBalancer")) {
                        ArrayNode groupArray = r.putArray("SecurityGroupId");
                        g.forEach(groupArray::add);
                    }
                    ArrayNode tagArray = r.putArray("Tag");
                    k.forEach(key -> tagArray.addObject().put("Key", key).put("Value", "v"));
                    return r;
                });
    }

    static Arbitrary<Mutation> mutations() {
        return Arbitraries.oneOf(
                Arbitraries.just(new Mutation("MissingRegionId", r -> r.remove("RegionId"))),
                Arbitraries.just(new Mutation("MissingVpcId", r -> r.put("VpcId", " "))),
                letters(129, 300).map(n -> new Mutation("IllegalParam.EndpointName", r -> r.put("EndpointName", n))),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(5)
                        .map(n -> new Mutation("IllegalParam.EndpointName", r -> r.put("EndpointName", n + "x"))),
                letters(0, 100).map(d -> new Mutation("IllegalParam.EndpointDescription",
                        r -> r.put("EndpointDescription", "https://" + d))),
                letters(1, 20).filter(t -> !Set.of("Interface", "Reverse", "GatewayLoadBalancer").contains(t))
                        .map(t -> new Mutation("IllegalParam.EndpointType", r -> r.put("EndpointType", t))),
                Arbitraries.integers().between(-1000, 1000).filter(n -> n != 1)
                        .map(n -> new Mutation("IllegalParam.ZonePrivateIpAddressCount",
                                r -> r.put("ZonePrivateIpAddressCount", n))),
                Arbitraries.integers().between(256, 999).map(n -> new Mutation("IllegalParam.Ip", r -> {
                    r.putArray("Zone").addObject().put("VSwitchId", "v").put("ZoneId", "z").put("ip", "10.0.0." + n);
                })),
                Arbitraries.integers().between(21, 40).map(n -> new Mutation("IllegalParam.Tag", r -> {
                    ArrayNode tags = r.putArray("Tag");
                    for (int i = 0; i < n; i++) {
                        tags.addObject().put("Key", "k" + i).put("Value", "v");
                    }
                })),
                Arbitraries.integers().between(65, 100).map(n -> new Mutation("IllegalParam.ClientToken",
                        r -> r.put("ClientToken", "t".repeat(n)))),
                Arbitraries.integers().between(-5, 99).map(n -> new Mutation("IllegalParam.CrossRegionBandwidth",
                        r -> r.put("CrossRegionBandwidth", n))),
                letters(1, 20).map(f -> new Mutation("InvalidParameter", r -> r.put("Unknown" + f, "x"))),
                Arbitraries.of("DryRun", "ZoneAffinityEnabled", "CrossRegionBandwidth", "Zone", "SecurityGroupId", "Tag")
                        .map(f -> new Mutation("InvalidParameter", r -> r.put(f, "not-the-type"))),
                Arbitraries.of("RegionId", "VpcId", "EndpointName", "PolicyDocument", "ClientToken")
                        .map(f -> new Mutation("InvalidParameter", r -> r.putObject(f).put("a", 1))));
    }

    static Arbitrary<String> malformedBodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200).filter(s -> !s.isBlank() || s.isEmpty()),
                validRequests().map(ObjectNode::toString)
                        .flatMap(s -> Arbitraries.integers().between(1, s.length() - 1).map(cut -> s.substring(0, cut))),
                Arbitraries.of("[]", "[{}]", "true", "1", "\"x\"", "null", "{\"RegionId\":[]}"));
    }

    static Response post(String body) {
        return Callers.provisioner().contentType("application/json").body(body).post("/CreateVpcEndpoint");
    }

    static void assertErrorShape(Response r, String body) {
        assertTrue(r.statusCode() < 500, "never a 5xx: " + r.statusCode() + " for " + body + " -> " + r.asString());
        assertNotNull(r.jsonPath().getString("RequestId"), body);
        assertNotNull(r.jsonPath().getString("Code"), body);
        assertNotNull(r.jsonPath().getString("Message"), body);
    }

    @Test
    void generatedRequestsGetTheContractsAnswers() {
        long recordsBefore = TestKafka.records(InputContractTest.COMMANDS);
        long jobsBefore = InputContractTest.jobs();
        int accepted = 0;
        List<String> refusedTokens = new ArrayList<>();

        for (ObjectNode request : validRequests().sampleStream().limit(VALID).toList()) {
            Response r = post(request.toString());
            assertEquals(202, r.statusCode(), request + " -> " + r.asString());
            accepted++;
        }

        List<ObjectNode> bases = validRequests().sampleStream().limit(MUTATED).toList();
        List<Mutation> broken = mutations().sampleStream().limit(MUTATED).toList();
        for (int i = 0; i < MUTATED; i++) {
            ObjectNode request = bases.get(i);
            String token = "refused-" + UUID.randomUUID();
            request.put("ClientToken", token);
            broken.get(i).apply().accept(request);
            Response r = post(request.toString());
            assertErrorShape(r, request.toString());
            assertEquals(400, r.statusCode(), request.toString());
            assertEquals(broken.get(i).code(), r.jsonPath().getString("Code"), request + " -> " + r.asString());
            refusedTokens.add(token);
        }

        for (String body : malformedBodies().sampleStream().limit(MALFORMED).toList()) {
            Response r = post(body);
            assertErrorShape(r, body);
            assertEquals(400, r.statusCode(), body);
            assertEquals("InvalidParameter", r.jsonPath().getString("Code"), body + " -> " + r.asString());
        }

        assertEquals(jobsBefore + accepted, InputContractTest.jobs(), "one job per accepted request, none for refusals");
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token like 'refused-%'"));
        assertEquals(recordsBefore + accepted, TestKafka.records(InputContractTest.COMMANDS),
                "one command per accepted request, none for refusals");
        System.out.printf("property test: %d valid accepted, %d mutated refused, %d malformed refused%n",
                accepted, refusedTokens.size(), MALFORMED);
    }
}
