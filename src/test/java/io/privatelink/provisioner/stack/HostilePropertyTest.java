package io.privatelink.provisioner.stack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.Draw;
import io.privatelink.provisioner.fixtures.Jobs;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.RawHttp;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;


/**
 * Hostile values in every position of every caller path: JSON nulls and empty strings, values one past each bound and
 * far past it, control characters, broken percent escapes, huge index counts. Never a 5xx; every refusal a 4xx in
 * the API's shape; the jobs table and the commands topic grow by exactly the accepted count; a hostile record on the
 * requests topic becomes a Failed job and never stalls the channel.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class HostilePropertyTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Each position of a request, and the longest string its rule takes there (0: not a string). */
    static final Map<String, Integer> POSITIONS = Map.ofEntries(
            Map.entry("RegionId", 64), Map.entry("VpcId", 64), Map.entry("ServiceId", 64),
            Map.entry("ServiceName", 128), Map.entry("ServiceRegionId", 64), Map.entry("CrossRegionBandwidth", 0),
            Map.entry("EndpointName", 128), Map.entry("EndpointDescription", 256), Map.entry("EndpointType", 0),
            Map.entry("SecurityGroupId", 0), Map.entry("SecurityGroupId.0", 64), Map.entry("Zone", 0),
            Map.entry("Zone.0", 0), Map.entry("Zone.0.VSwitchId", 64), Map.entry("Zone.0.ZoneId", 64),
            Map.entry("Zone.0.ip", 0), Map.entry("Zone.0.Ipv6Address", 45), Map.entry("ZonePrivateIpAddressCount", 0),
            Map.entry("Tag", 0), Map.entry("Tag.0", 0), Map.entry("Tag.0.Key", 64), Map.entry("Tag.0.Value", 128),
            Map.entry("ResourceGroupId", 64), Map.entry("PolicyDocument", 8192), Map.entry("AddressIpVersion", 0),
            Map.entry("ZoneAffinityEnabled", 0), Map.entry("ProtectedEnabled", 0), Map.entry("ClientToken", 64),
            Map.entry("DryRun", 0));

    /** A hostile value for a position whose string bound is {@code bound}; null stands for JSON null. */
    static List<JsonNode> hostileValues(int bound) {
        List<JsonNode> values = new ArrayList<>(List.of(NODES.nullNode(), NODES.textNode(""), NODES.textNode(" "),
                NODES.textNode("a\u0000b"), NODES.textNode("\u0001"), NODES.textNode("x\u007f"),
                NODES.textNode("a".repeat(10_000)), NODES.numberNode(12.5), NODES.objectNode().put("a", 1)));
        if (bound > 0) {
            values.add(NODES.textNode("a".repeat(bound + 1)));
        }
        return values;
    }

    static ObjectNode base() {
        ObjectNode r = InputContractTest.valid();
        r.putArray("SecurityGroupId").add("sg-demo01");
        r.putArray("Zone").addObject().put("VSwitchId", "vsw-demo01h").put("ZoneId", "cn-hangzhou-h")
                .put("ip", "192.168.1.10").put("Ipv6Address", "2408:4005::1");
        r.put("AddressIpVersion", "DualStack");
        r.putArray("Tag").addObject().put("Key", "team").put("Value", "net");
        return r;
    }

    /** Puts the value at a dotted position (Zone.0.VSwitchId), replacing what the base request had there. */
    static void put(ObjectNode request, String position, JsonNode value) {
        String[] path = position.split("\\.");
        JsonNode parent = request;
        for (int i = 0; i < path.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(path[i])) : parent.get(path[i]);
        }
        String last = path[path.length - 1];
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
    }

    /**
     * A null (the parameter absent) may be valid, and so may an empty or blank tag value (the API allows 0 to 128
     * characters); every other hostile value must be refused.
     */
    static boolean mayBeAccepted(String position, JsonNode value) {
        return value.isNull() || position.equals("Tag.0.Value") && value.isTextual() && value.asText().isBlank();
    }

    static void assertRefusedInShape(int status, String body, String what) throws Exception {
        assertTrue(status >= 400 && status < 500, "a 4xx, never a 5xx: " + status + " for " + what + " -> " + body);
        JsonNode error = JSON.readTree(body);
        assertTrue(error.hasNonNull("RequestId") && error.hasNonNull("Code") && error.hasNonNull("Message"),
                what + " -> " + body);
    }

    static RawHttp.Answer send(String method, String target, String contentType, String body) throws Exception {
        return RawHttp.send(method, target, Callers.provisionerToken(), contentType, body, null);
    }

    @Test
    void hostileJsonInEveryPositionIsRefusedOrAcceptedNeverAnOutage() throws Exception {
        long jobsBefore = InputContractTest.jobs();
        long commandsBefore = TestKafka.records(InputContractTest.COMMANDS);
        int accepted = 0;
        int refused = 0;
        List<ObjectNode> requests = new ArrayList<>();
        List<Boolean> acceptable = new ArrayList<>();
        // Every position with every value, one at a time.
        POSITIONS.forEach((position, bound) -> hostileValues(bound).forEach(value -> {
            ObjectNode r = base();
            put(r, position, value);
            requests.add(r);
            acceptable.add(mayBeAccepted(position, value));
        }));
        // Then two hostile values at once, drawn at random (neither position inside the other).
        Draw d = Draw.fresh();
        List<String> positions = List.copyOf(POSITIONS.keySet());
        List<JsonNode> values = hostileValues(0);
        while (requests.size() < POSITIONS.size() * values.size() + 300) {
            String p1 = d.oneOf(positions);
            String p2 = d.oneOf(positions);
            if (p1.startsWith(p2) || p2.startsWith(p1)) {
                continue;
            }
            JsonNode v1 = d.oneOf(values);
            JsonNode v2 = d.oneOf(values);
            ObjectNode r = base();
            put(r, p1, v1);
            put(r, p2, v2);
            requests.add(r);
            acceptable.add(mayBeAccepted(p1, v1) && mayBeAccepted(p2, v2));
        }
        for (int i = 0; i < requests.size(); i++) {
            String body = requests.get(i).toString();
            RawHttp.Answer answer = send("POST", "/CreateVpcEndpoint", "application/json", body);
            if (answer.status() == 202) {
                assertTrue(acceptable.get(i), "a hostile value was accepted: " + body + " (seed " + d.seed + ")");
                accepted++;
            } else {
                assertRefusedInShape(answer.status(), answer.body(), body);
                refused++;
            }
        }
        assertEquals(jobsBefore + accepted, InputContractTest.jobs(), "one job per accepted request, none for refusals");
        assertEquals(commandsBefore + accepted, TestKafka.records(InputContractTest.COMMANDS),
                "one command per accepted request, none for refusals");
        System.out.printf("hostile JSON: %d requests, %d accepted (nulls of optional parameters), %d refused%n",
                requests.size(), accepted, refused);
    }

    static final List<String> BROKEN_ESCAPES = List.of("%", "%Z", "%ZZ", "%G1", "a%0", "%C3%28", "%FF", "%E2%82");

    @Test
    void brokenEscapesAndHugeIndexCountsInFormsAndQueriesAreRefused() throws Exception {
        long jobsBefore = InputContractTest.jobs();
        int requests = 0;
        String valid = "RegionId=cn-hangzhou&VpcId=vpc-demo01&ServiceId=epsrv-demo01";
        List<String> forms = new ArrayList<>();
        for (String bad : BROKEN_ESCAPES) {
            forms.add(valid.replace("vpc-demo01", bad));
            forms.add(valid + "&Endpoint" + bad + "Name=x");
            forms.add(valid + "&Zone.1.VSwitchId=" + bad + "&Zone.1.ZoneId=z");
        }
        for (int n : List.of(11, 257, 1000, 5000)) {
            StringBuilder form = new StringBuilder(valid);
            for (int i = 1; i <= n; i++) {
                form.append("&SecurityGroupId.").append(i).append("=sg-").append(i);
            }
            forms.add(form.toString());
        }
        forms.add(valid + "&SecurityGroupId.99999=sg-1");
        for (String form : forms) {
            RawHttp.Answer answer = send("POST", "/CreateVpcEndpoint", "application/x-www-form-urlencoded", form);
            assertEquals(400, answer.status(), form + " -> " + answer.body());
            assertRefusedInShape(answer.status(), answer.body(), form);
            requests++;
        }
        List<String> targets = new ArrayList<>();
        for (String bad : BROKEN_ESCAPES) {
            targets.add("/CreateVpcEndpoint?" + valid.replace("vpc-demo01", bad));
            targets.add("/GetVpcEndpointJob?JobId=" + bad);
            targets.add("/GetVpcEndpointJob?ClientToken=" + bad);
            for (String filter : List.of("JobStatus", "VpcId", "RegionId", "Code", "CreatedAfter", "CreatedBefore",
                    "MaxResults", "NextToken")) {
                targets.add("/ListVpcEndpointJobs?" + filter + "=" + bad);
            }
        }
        for (String target : targets) {
            RawHttp.Answer answer = send(target.startsWith("/Create") ? "POST" : "GET", target, null, null);
            assertEquals(400, answer.status(), target + " -> " + answer.body());
            assertRefusedInShape(answer.status(), answer.body(), target);
            requests++;
        }
        assertEquals(jobsBefore, InputContractTest.jobs(), "nothing recorded for a refusal");
        System.out.printf("broken escapes and index counts: %d requests, all 400%n", requests);
    }

    @Test
    void hostileQueryValuesOfTheReadingFunctionsAreNeverAnOutage() throws Exception {
        List<String> values = new ArrayList<>(List.of("", " ", "a\u0000b", "\u0001", "x\u007f", "a".repeat(65),
                "a".repeat(129), "a".repeat(7_000), "a".repeat(10_000), "job-" + UUID.randomUUID(), "\u7bc0\u9ede"));
        int requests = 0;
        for (String value : values) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            List<String> targets = new ArrayList<>(List.of("/GetVpcEndpointJob?JobId=" + encoded,
                    "/GetVpcEndpointJob?ClientToken=" + encoded));
            for (String filter : List.of("JobStatus", "VpcId", "RegionId", "Code", "CreatedAfter", "CreatedBefore",
                    "MaxResults", "NextToken")) {
                targets.add("/ListVpcEndpointJobs?" + filter + "=" + encoded);
            }
            for (String target : targets) {
                for (String method : List.of("GET", "POST")) {
                    RawHttp.Answer answer = method.equals("GET") ? send("GET", target, null, null)
                            : send("POST", target.substring(0, target.indexOf('?')), "application/json",
                                    JSON.createObjectNode().put(target.substring(target.indexOf('?') + 1,
                                            target.indexOf('=')), value).toString());
                    requests++;
                    if (answer.status() == 200) {
                        continue;
                    }
                    assertRefusedInShape(answer.status(), answer.body(), method + " " + target);
                }
            }
        }
        System.out.printf("hostile query values: %d requests, none a 5xx%n", requests);
    }

    @Test
    void hostileRecordsOnTheRequestsTopicBecomeFailedJobsAndTheChannelGoesOn() {
        List<String> tokens = new ArrayList<>();
        List<Map.Entry<String, String>> records = new ArrayList<>();
        POSITIONS.forEach((position, bound) -> {
            if (position.equals("ClientToken")) {
                return;
            }
            for (JsonNode value : hostileValues(bound)) {
                if (mayBeAccepted(position, value)) {
                    continue;
                }
                ObjectNode r = base();
                String token = "hostile-" + UUID.randomUUID();
                r.put("ClientToken", token);
                put(r, position, value);
                tokens.add(token);
                records.add(Map.entry(token, r.toString()));
            }
        });
        TestKafka.sendAll("vpc-endpoint.requests", records);
        String follower = UUID.randomUUID().toString();
        TestKafka.send("vpc-endpoint.requests", follower, Jobs.request("vpc-demo01", follower));
        EventDrivenTest.awaitJobByToken(follower, "Active");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals(tokens.size(), TestDatabase.count(
                "select count(*) from vpc_endpoint_job where client_token like 'hostile-%' and status = 'Failed'")));
        for (String token : tokens.subList(0, 5)) {
            var job = Callers.auditor().get("/GetVpcEndpointJob?ClientToken=" + token);
            assertEquals(200, job.statusCode(), job.asString());
        }
        System.out.printf("hostile records: %d, each a Failed job; the next request reached Active%n", tokens.size());
    }
}
