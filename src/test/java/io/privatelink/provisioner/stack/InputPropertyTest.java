package io.privatelink.provisioner.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Draw;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;


/**
 * Thousands of generated requests (drawn from one seed, printed with any failure): valid ones, valid ones broken by one known mutation, and
 * malformed bodies. Never a 5xx; every refusal in the error shape with the expected Code; every valid one accepted;
 * nothing refused recorded or queued.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class InputPropertyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final int VALID = 200;
    static final int MUTATED = 300;
    static final int MALFORMED = 200;

    /** One way to break a valid request, and the Code that must answer it. */
    record Mutation(String code, Consumer<ObjectNode> apply) {
    }

    static String letters(Draw d, int min, int max) {
        return d.string(Draw.LETTERS, min, max);
    }

    static String endpointName(Draw d) {
        return d.oneOf("a", "Z", "\u7d42") + d.string("abcdefghijklmnopqrstuvwxyz0123456789-_\u7bc0\u9ede", 1, 127);
    }

    static String tagKey(Draw d) {
        String key = letters(d, 1, 64);
        return key.startsWith("aliyun") ? "k" + key.substring(1) : key;
    }

    static ObjectNode validRequest(Draw d) {
        String name = d.chance(0.2) ? null : endpointName(d);
        String desc = d.chance(0.5) ? null : d.string(Draw.LETTERS + Draw.DIGITS + " .", 2, 256);
        String type = d.oneOf("Interface", "Reverse", "GatewayLoadBalancer");
        List<Integer> zones = d.unique(() -> d.between(0, 9), 4);
        List<String> groups = d.unique(() -> "sg-" + letters(d, 1, 12), 4);
        List<String> tagKeys = d.unique(() -> tagKey(d), 5);
        ObjectNode r = InputContractTest.valid();
        if (name != null) {
            r.put("EndpointName", name);
        }
        if (desc != null) {
            r.put("EndpointDescription", desc);
        }
        r.put("EndpointType", type);
        if (d.chance(0.5) && !type.equals("Reverse")) {
            r.put("AddressIpVersion", "DualStack");
        }
        ArrayNode zoneArray = r.putArray("Zone");
        zones.forEach(i -> zoneArray.addObject().put("VSwitchId", "vsw-" + i).put("ZoneId", "cn-hangzhou-" + i)
                .put("ip", "192.168.1." + (10 + i)));
        if (!type.equals("GatewayLoadBalancer")) {
            ArrayNode groupArray = r.putArray("SecurityGroupId");
            groups.forEach(groupArray::add);
        }
        ArrayNode tagArray = r.putArray("Tag");
        tagKeys.forEach(key -> tagArray.addObject().put("Key", key).put("Value", "v"));
        return r;
    }

    /** Each way to break a valid request, drawn with its values. */
    static final List<Function<Draw, Mutation>> MUTATIONS = List.of(
            d -> new Mutation("MissingRegionId", r -> r.remove("RegionId")),
            d -> new Mutation("MissingVpcId", r -> r.put("VpcId", " ")),
            d -> {
                String n = letters(d, 129, 300);
                return new Mutation("IllegalParam.EndpointName", r -> r.put("EndpointName", n));
            },
            d -> {
                String n = d.string(Draw.DIGITS, 1, 5) + "x";
                return new Mutation("IllegalParam.EndpointName", r -> r.put("EndpointName", n));
            },
            d -> {
                String url = "https://" + letters(d, 0, 100);
                return new Mutation("IllegalParam.EndpointDescription", r -> r.put("EndpointDescription", url));
            },
            d -> {
                String t = "x" + letters(d, 0, 19);
                return new Mutation("IllegalParam.EndpointType", r -> r.put("EndpointType", t));
            },
            d -> {
                int n = d.oneOf(d.between(-1000, 0), d.between(2, 1000));
                return new Mutation("IllegalParam.ZonePrivateIpAddressCount", r -> r.put("ZonePrivateIpAddressCount", n));
            },
            d -> {
                int n = d.between(256, 999);
                return new Mutation("IllegalParam.Ip", r -> r.putArray("Zone").addObject().put("VSwitchId", "v")
                        .put("ZoneId", "z").put("ip", "10.0.0." + n));
            },
            d -> {
                int n = d.between(21, 40);
                return new Mutation("IllegalParam.Tag", r -> {
                    ArrayNode tags = r.putArray("Tag");
                    for (int i = 0; i < n; i++) {
                        tags.addObject().put("Key", "k" + i).put("Value", "v");
                    }
                });
            },
            d -> {
                int n = d.between(65, 100);
                return new Mutation("IllegalParam.ClientToken", r -> r.put("ClientToken", "t".repeat(n)));
            },
            d -> {
                int n = d.between(-5, 99);
                return new Mutation("IllegalParam.CrossRegionBandwidth", r -> r.put("CrossRegionBandwidth", n));
            },
            d -> {
                String f = "Unknown" + letters(d, 1, 20);
                return new Mutation("InvalidParameter", r -> r.put(f, "x"));
            },
            d -> {
                String f = d.oneOf("DryRun", "ZoneAffinityEnabled", "CrossRegionBandwidth", "Zone", "SecurityGroupId", "Tag");
                return new Mutation("InvalidParameter", r -> r.put(f, "not-the-type"));
            },
            d -> {
                String f = d.oneOf("RegionId", "VpcId", "EndpointName", "PolicyDocument", "ClientToken");
                return new Mutation("InvalidParameter", r -> r.putObject(f).put("a", 1));
            });

    static String malformedBody(Draw d) {
        switch (d.between(0, 2)) {
            case 0: {
                String s = d.anyString(200);
                return s.isBlank() && !s.isEmpty() ? s + "x" : s;
            }
            case 1: {
                String s = validRequest(d).toString();
                return s.substring(0, d.between(1, s.length() - 1));
            }
            default:
                return d.oneOf("[]", "[{}]", "true", "1", "\"x\"", "null", "{\"RegionId\":[]}");
        }
    }

    static Response post(String body) {
        return Callers.provisioner().contentType("application/json").body(body).post("/CreateVpcEndpoint");
    }

    static void assertErrorShape(Response r, String body) {
        assertTrue(r.statusCode() < 500, "never a 5xx: " + r.statusCode() + " for " + body + " -> " + r.asString());
        assertNotNull(Bodies.text(r, "RequestId"), body);
        assertNotNull(Bodies.text(r, "Code"), body);
        assertNotNull(Bodies.text(r, "Message"), body);
    }

    @Test
    void generatedRequestsGetTheContractsAnswers() {
        long recordsBefore = TestKafka.records(InputContractTest.COMMANDS);
        long jobsBefore = InputContractTest.jobs();
        int accepted = 0;
        List<String> refusedTokens = new ArrayList<>();

        Draw d = Draw.fresh();
        String seed = " (seed " + d.seed + ")";
        for (int i = 0; i < VALID; i++) {
            ObjectNode request = validRequest(d);
            Response r = post(request.toString());
            assertEquals(202, r.statusCode(), request + " -> " + r.asString() + seed);
            accepted++;
        }

        for (int i = 0; i < MUTATED; i++) {
            ObjectNode request = validRequest(d);
            Mutation broken = d.oneOf(MUTATIONS).apply(d);
            String token = "refused-" + UUID.randomUUID();
            request.put("ClientToken", token);
            broken.apply().accept(request);
            Response r = post(request.toString());
            assertErrorShape(r, request + seed);
            assertEquals(400, r.statusCode(), request + seed);
            assertEquals(broken.code(), Bodies.text(r, "Code"), request + " -> " + r.asString() + seed);
            refusedTokens.add(token);
        }

        for (int i = 0; i < MALFORMED; i++) {
            String body = malformedBody(d);
            Response r = post(body);
            assertErrorShape(r, body + seed);
            assertEquals(400, r.statusCode(), body + seed);
            assertEquals("InvalidParameter", Bodies.text(r, "Code"), body + " -> " + r.asString() + seed);
        }

        assertEquals(jobsBefore + accepted, InputContractTest.jobs(), "one job per accepted request, none for refusals");
        assertEquals(0, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token like 'refused-%'"));
        assertEquals(recordsBefore + accepted, TestKafka.records(InputContractTest.COMMANDS),
                "one command per accepted request, none for refusals");
        System.out.printf("property test: %d valid accepted, %d mutated refused, %d malformed refused%n",
                accepted, refusedTokens.size(), MALFORMED);
    }
}
