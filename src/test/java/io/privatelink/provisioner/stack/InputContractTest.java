package io.privatelink.provisioner.stack;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.fixtures.Bodies;
import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.TestDatabase;
import io.privatelink.provisioner.fixtures.TestKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Every CreateVpcEndpoint rule on the wire, at its boundaries; nothing rejected is recorded or queued. */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class InputContractTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String COMMANDS = "vpc-endpoint.commands";

    /** One rule at one boundary: a change to a valid request, and the Code it must get (null: accepted). */
    record Case(String name, Consumer<ObjectNode> change, String code) {
        @Override
        public String toString() {
            return name + (code == null ? " -> 202" : " -> " + code);
        }
    }

    static ObjectNode valid() {
        ObjectNode r = JSON.createObjectNode();
        r.put("RegionId", "cn-hangzhou").put("VpcId", "vpc-demo01").put("ServiceId", "epsrv-demo01");
        r.put("ClientToken", UUID.randomUUID().toString());
        return r;
    }

    static Case ok(String name, Consumer<ObjectNode> change) {
        return new Case(name, change, null);
    }

    static Case bad(String name, Consumer<ObjectNode> change, String code) {
        return new Case(name, change, code);
    }

    static String chars(int n) {
        return "a".repeat(n);
    }

    static Consumer<ObjectNode> zones(int n) {
        return r -> {
            ArrayNode zones = r.putArray("Zone");
            for (int i = 0; i < n; i++) {
                zones.addObject().put("VSwitchId", "vsw-" + i).put("ZoneId", "cn-hangzhou-" + (char) ('a' + i));
            }
        };
    }

    static Consumer<ObjectNode> zone(String field, String value) {
        return r -> {
            ObjectNode z = r.putArray("Zone").addObject().put("VSwitchId", "vsw-demo01h").put("ZoneId", "cn-hangzhou-h");
            if (value == null) {
                z.remove(field);
            } else {
                z.put(field, value);
            }
        };
    }

    static Consumer<ObjectNode> groups(String... ids) {
        return r -> {
            ArrayNode a = r.putArray("SecurityGroupId");
            for (String id : ids) {
                a.add(id);
            }
        };
    }

    static String[] distinctGroups(int n) {
        return Stream.iterate(1, i -> i + 1).limit(n).map(i -> "sg-" + i).toArray(String[]::new);
    }

    static Consumer<ObjectNode> tags(int n) {
        return r -> {
            ArrayNode a = r.putArray("Tag");
            for (int i = 0; i < n; i++) {
                a.addObject().put("Key", "k" + i).put("Value", "v");
            }
        };
    }

    static Consumer<ObjectNode> tag(String key, String value) {
        return r -> {
            ObjectNode t = r.putArray("Tag").addObject();
            if (key != null) {
                t.put("Key", key);
            }
            t.put("Value", value);
        };
    }

    /** A policy document of exactly the given size in bytes. */
    static String policyOfBytes(int bytes) {
        String head = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Sid\":\"";
        String tail = "\"}]}";
        return head + "p".repeat(bytes - head.length() - tail.length()) + tail;
    }

    static Stream<Case> rules() {
        String policy = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"oss:List*\"],"
                + "\"Resource\":[\"acs:oss:*:*:b/o\"],\"Principal\":{\"RAM\":[\"acs:ram::1:*\"]}}]}";
        return Stream.of(
                bad("RegionId missing", r -> r.remove("RegionId"), "MissingRegionId"),
                bad("RegionId empty", r -> r.put("RegionId", ""), "MissingRegionId"),
                bad("VpcId missing", r -> r.remove("VpcId"), "MissingVpcId"),
                bad("neither ServiceId nor ServiceName", r -> r.remove("ServiceId"), "MissingServiceId"),
                ok("ServiceName instead of ServiceId", r -> {
                    r.remove("ServiceId");
                    r.put("ServiceName", "com.aliyuncs.privatelink.cn-hangzhou.epsrv-demo01");
                }),

                ok("EndpointName of 2", r -> r.put("EndpointName", "ab")),
                bad("EndpointName of 1", r -> r.put("EndpointName", "a"), "IllegalParam.EndpointName"),
                ok("EndpointName of 128", r -> r.put("EndpointName", chars(128))),
                bad("EndpointName of 129", r -> r.put("EndpointName", chars(129)), "IllegalParam.EndpointName"),
                ok("EndpointName in Chinese", r -> r.put("EndpointName", "終端節點-1_a")),
                ok("EndpointName with digits, - and _", r -> r.put("EndpointName", "a-b_c9")),
                bad("EndpointName starting with a digit", r -> r.put("EndpointName", "1ab"), "IllegalParam.EndpointName"),
                bad("EndpointName with a space", r -> r.put("EndpointName", "a b"), "IllegalParam.EndpointName"),

                ok("EndpointDescription of 2", r -> r.put("EndpointDescription", "ab")),
                bad("EndpointDescription of 1", r -> r.put("EndpointDescription", "a"), "IllegalParam.EndpointDescription"),
                ok("EndpointDescription of 256", r -> r.put("EndpointDescription", chars(256))),
                bad("EndpointDescription of 257", r -> r.put("EndpointDescription", chars(257)), "IllegalParam.EndpointDescription"),
                bad("EndpointDescription starting http://", r -> r.put("EndpointDescription", "http://x"), "IllegalParam.EndpointDescription"),
                bad("EndpointDescription starting https://", r -> r.put("EndpointDescription", "https://x"), "IllegalParam.EndpointDescription"),
                ok("EndpointDescription with a URL inside", r -> r.put("EndpointDescription", "see http://x")),

                ok("EndpointType Interface", r -> r.put("EndpointType", "Interface")),
                ok("EndpointType Reverse", r -> r.put("EndpointType", "Reverse")),
                ok("EndpointType GatewayLoadBalancer", r -> r.put("EndpointType", "GatewayLoadBalancer")),
                bad("EndpointType in lower case", r -> r.put("EndpointType", "interface"), "IllegalParam.EndpointType"),

                ok("AddressIpVersion IPv4", r -> r.put("AddressIpVersion", "IPv4")),
                ok("AddressIpVersion DualStack", r -> r.put("AddressIpVersion", "DualStack")),
                bad("AddressIpVersion IPv6", r -> r.put("AddressIpVersion", "IPv6"), "IllegalParam.AddressIpVersion"),
                bad("DualStack with Reverse", r -> r.put("AddressIpVersion", "DualStack").put("EndpointType", "Reverse"),
                        "OperationDenied.EndpointTypeNotSupportDualstack"),

                ok("ZonePrivateIpAddressCount 1", r -> r.put("ZonePrivateIpAddressCount", 1)),
                bad("ZonePrivateIpAddressCount 0", r -> r.put("ZonePrivateIpAddressCount", 0), "IllegalParam.ZonePrivateIpAddressCount"),
                bad("ZonePrivateIpAddressCount 2", r -> r.put("ZonePrivateIpAddressCount", 2), "IllegalParam.ZonePrivateIpAddressCount"),

                ok("10 zones", zones(10)),
                bad("11 zones", zones(11), "IllegalParam.Zone"),
                bad("a zone without VSwitchId", zone("VSwitchId", null), "IllegalParam.Zone"),
                bad("a zone with an empty ZoneId", zone("ZoneId", ""), "IllegalParam.Zone"),
                bad("a ZoneId twice", r -> {
                    ArrayNode z = r.putArray("Zone");
                    z.addObject().put("VSwitchId", "vsw-demo01h").put("ZoneId", "cn-hangzhou-h");
                    z.addObject().put("VSwitchId", "vsw-demo01i").put("ZoneId", "cn-hangzhou-h");
                }, "EndpointZoneDuplicated"),
                ok("ip 192.168.1.255", zone("ip", "192.168.1.255")),
                bad("ip 192.168.1.256", zone("ip", "192.168.1.256"), "IllegalParam.Ip"),
                bad("ip with three parts", zone("ip", "192.168.1"), "IllegalParam.Ip"),
                ok("Ipv6Address with DualStack", zone("Ipv6Address", "2408:4005:34d:1:a58b:62a3:6b55:1")
                        .andThen(r -> r.put("AddressIpVersion", "DualStack"))),
                bad("Ipv6Address malformed", zone("Ipv6Address", "2408::zz").andThen(r -> r.put("AddressIpVersion", "DualStack")),
                        "IllegalParam.Ipv6Address"),
                bad("Ipv6Address without DualStack", zone("Ipv6Address", "2408:4005::1"),
                        "OperationDenied.AddressIpVersionNotSupportSpecifyIpv6"),

                ok("10 security groups", groups(distinctGroups(10))),
                bad("11 security groups", groups(distinctGroups(11)), "IllegalParam.SecurityGroupId"),
                bad("an empty security group", groups("sg-1", ""), "IllegalParam.SecurityGroupId"),
                bad("a security group twice", groups("sg-1", "sg-1"), "IllegalParam.SecurityGroupId"),
                bad("a security group with GatewayLoadBalancer",
                        groups("sg-1").andThen(r -> r.put("EndpointType", "GatewayLoadBalancer")),
                        "GatewayLoadBalancerNotSupportSecurityGroup"),

                ok("20 tags", tags(20)),
                bad("21 tags", tags(21), "IllegalParam.Tag"),
                ok("a tag Key of 64", tag(chars(64), "v")),
                bad("a tag Key of 65", tag(chars(65), "v"), "IllegalParam.Tag"),
                bad("an empty tag Key", tag("", "v"), "IllegalParam.Tag"),
                bad("a tag without Key", tag(null, "v"), "IllegalParam.Tag"),
                ok("a tag Value of 128", tag("k", chars(128))),
                bad("a tag Value of 129", tag("k", chars(129)), "IllegalParam.Tag"),
                ok("an empty tag Value", tag("k", "")),
                bad("a tag Key starting aliyun", tag("aliyunx", "v"), "IllegalParam.Tag"),
                bad("a tag Key starting acs:", tag("acs:x", "v"), "IllegalParam.Tag"),
                bad("a tag Value starting aliyun", tag("k", "aliyun"), "IllegalParam.Tag"),
                bad("a tag Value with https://", tag("k", "x https://y"), "IllegalParam.Tag"),
                bad("a tag Key twice", r -> {
                    ArrayNode t = r.putArray("Tag");
                    t.addObject().put("Key", "env").put("Value", "a");
                    t.addObject().put("Key", "env").put("Value", "b");
                }, "IllegalParam.Tag"),

                ok("the seed's PolicyDocument", r -> r.put("PolicyDocument", policy)),
                ok("a PolicyDocument of 8192 bytes", r -> r.put("PolicyDocument", policyOfBytes(8192))),
                bad("a PolicyDocument of 8193 bytes", r -> r.put("PolicyDocument", policyOfBytes(8193)), "IllegalParam.PolicyDocument"),
                bad("a PolicyDocument that is not JSON", r -> r.put("PolicyDocument", "allow all"), "IllegalParam.PolicyDocument"),
                bad("a PolicyDocument without Statement", r -> r.put("PolicyDocument", "{\"Version\":\"1\"}"), "IllegalParam.PolicyDocument"),
                bad("a PolicyDocument with no statements", r -> r.put("PolicyDocument", "{\"Version\":\"1\",\"Statement\":[]}"),
                        "IllegalParam.PolicyDocument"),

                ok("a ClientToken of 64", r -> r.put("ClientToken", UUID.randomUUID() + chars(28))),
                bad("a ClientToken of 65", r -> r.put("ClientToken", UUID.randomUUID() + chars(29)), "IllegalParam.ClientToken"),
                bad("an empty ClientToken", r -> r.put("ClientToken", ""), "IllegalParam.ClientToken"),
                bad("a ClientToken that is not ASCII", r -> r.put("ClientToken", "tóken-" + UUID.randomUUID()), "IllegalParam.ClientToken"),

                ok("CrossRegionBandwidth 100", r -> r.put("CrossRegionBandwidth", 100)),
                bad("CrossRegionBandwidth 99", r -> r.put("CrossRegionBandwidth", 99), "IllegalParam.CrossRegionBandwidth"));
    }

    static long jobs() {
        return TestDatabase.count("select count(*) from vpc_endpoint_job");
    }

    static Response post(String contentType, String body) {
        return Callers.provisioner().contentType(contentType).body(body).post("/CreateVpcEndpoint");
    }

    /** Runs a request that must be refused, and checks that nothing was recorded or queued for it. */
    static void refused(Callable<Response> call, int status, String code) throws Exception {
        long jobsBefore = jobs();
        long recordsBefore = TestKafka.records(COMMANDS);
        Response answer = call.call();
        answer.then().statusCode(status).contentType(ContentType.JSON);
        assertEquals(code, Bodies.text(answer, "Code"), answer.asString());
        assertNotNull(Bodies.text(answer, "Message"), answer.asString());
        assertNotNull(Bodies.text(answer, "RequestId"), answer.asString());
        assertEquals(jobsBefore, jobs(), "no job recorded");
        assertEquals(recordsBefore, TestKafka.records(COMMANDS), "no command queued");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleAtItsBoundary(Case c) throws Exception {
        ObjectNode request = valid();
        c.change().accept(request);
        if (c.code() == null) {
            post("application/json", request.toString()).then().statusCode(202).body("JobStatus", equalTo("Accepted"));
        } else {
            refused(() -> post("application/json", request.toString()), 400, c.code());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"RegionId\": ",
            "not json",
            "[]",
            "\"a string\"",
            "42",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcID\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\"}",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\", \"DryRun\": \"yes\"}",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\", \"SecurityGroupId\": \"sg-1\"}",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\", \"EndpointName\": {\"a\": 1}}",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\", \"ZonePrivateIpAddressCount\": \"1\"}",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\", \"CrossRegionBandwidth\": 100.5}",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\", \"Zone\": [{\"ZoneID\": \"x\"}]}",
            "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": \"vpc-demo01\", \"ServiceId\": \"epsrv-demo01\"} trailing",
            "null",
            ""})
    void malformedBodiesAreInvalidParameter(String body) throws Exception {
        refused(() -> post("application/json", body), 400, "InvalidParameter");
    }

    @Test
    void unknownFieldsAndWrongTypesAreNamed() {
        post("application/json", "{\"RegionId\": \"cn-hangzhou\", \"VpcID\": \"v\"}").then().statusCode(400)
                .body("Message", containsString("VpcID"));
        post("application/json", "{\"RegionId\": \"cn-hangzhou\", \"DryRun\": \"yes\"}").then().statusCode(400)
                .body("Message", containsString("DryRun"));
        post("application/json", "{\"RegionId\": \"cn-hangzhou\", \"Tag\": [{\"Key\": \"k\"}, {\"Key\": []}]}").then()
                .statusCode(400).body("Message", containsString("Tag.2.Key"));
        // A number where a string belongs is the wrong type, not its text.
        post("application/json", "{\"RegionId\": \"cn-hangzhou\", \"VpcId\": 12.5}").then()
                .statusCode(400).body("Code", equalTo("InvalidParameter")).body("Message", containsString("VpcId"));
    }

    @Test
    void aBodyOver64KiBIs413() throws Exception {
        ObjectNode request = valid();
        request.put("EndpointDescription", chars(70 * 1024));
        refused(() -> post("application/json", request.toString()), 413, "InvalidParameter");
    }

    @Test
    void theFlattenedFormIsReadAsTheSameRequest() {
        String token = UUID.randomUUID().toString();
        String jobId = Callers.provisioner().contentType("application/x-www-form-urlencoded")
                .formParam("RegionId", "cn-hangzhou").formParam("VpcId", "vpc-demo01")
                .formParam("ServiceId", "epsrv-demo01")
                .formParam("Zone.1.VSwitchId", "vsw-demo01h").formParam("Zone.1.ZoneId", "cn-hangzhou-h")
                .formParam("Zone.2.VSwitchId", "vsw-demo01i").formParam("Zone.2.ZoneId", "cn-hangzhou-i")
                .formParam("SecurityGroupId.1", "sg-demo01")
                .formParam("Tag.1.Key", "env").formParam("Tag.1.Value", "prod")
                .formParam("ZoneAffinityEnabled", "true").formParam("ZonePrivateIpAddressCount", "1")
                .formParam("ClientToken", token)
                .post("/CreateVpcEndpoint").then().statusCode(202).extract().path("JobId");
        Callers.provisioner().get("/GetVpcEndpointJob?JobId=" + jobId).then().statusCode(200)
                .body("Request.Zone[1].VSwitchId", equalTo("vsw-demo01i"))
                .body("Request.SecurityGroupId[0]", equalTo("sg-demo01"))
                .body("Request.Tag[0].Value", equalTo("prod"))
                .body("Request.ZoneAffinityEnabled", equalTo(true));

        String same = """
                {"ClientToken": "%s", "Tag": [{"Key": "env", "Value": "prod"}], "RegionId": "cn-hangzhou",
                 "ZonePrivateIpAddressCount": 1, "VpcId": "vpc-demo01", "ServiceId": "epsrv-demo01",
                 "SecurityGroupId": ["sg-demo01"], "ZoneAffinityEnabled": true, "EndpointType": "Interface",
                 "Zone": [{"VSwitchId": "vsw-demo01h", "ZoneId": "cn-hangzhou-h"},
                          {"VSwitchId": "vsw-demo01i", "ZoneId": "cn-hangzhou-i"}]}""".formatted(token);
        post("application/json", same).then().statusCode(202).body("JobId", equalTo(jobId));
    }

    @Test
    void queryParametersWithoutABodyAreTheFlattenedFormToo() {
        Callers.provisioner().queryParam("RegionId", "cn-hangzhou").queryParam("VpcId", "vpc-demo01")
                .queryParam("ServiceId", "epsrv-demo01").queryParam("SecurityGroupId.1", "sg-demo01")
                .queryParam("ClientToken", UUID.randomUUID().toString())
                .post("/CreateVpcEndpoint").then().statusCode(202);
    }

    @Test
    void gapsAndNonNumericIndexesAreInvalidParameter() throws Exception {
        refused(() -> Callers.provisioner().contentType("application/x-www-form-urlencoded")
                .formParam("RegionId", "cn-hangzhou").formParam("VpcId", "vpc-demo01")
                .formParam("ServiceId", "epsrv-demo01").formParam("SecurityGroupId.2", "sg-demo01")
                .post("/CreateVpcEndpoint"), 400, "InvalidParameter");
        refused(() -> Callers.provisioner().contentType("application/x-www-form-urlencoded")
                .formParam("RegionId", "cn-hangzhou").formParam("VpcId", "vpc-demo01")
                .formParam("ServiceId", "epsrv-demo01").formParam("Zone.x.ZoneId", "cn-hangzhou-h")
                .post("/CreateVpcEndpoint"), 400, "InvalidParameter");
    }

    @Test
    void aPassingDryRunIsDryRunOperationAndCreatesNothing() throws Exception {
        ObjectNode request = valid().put("DryRun", true);
        request.putArray("SecurityGroupId").add("sg-demo01");
        String token = request.get("ClientToken").asText();
        refused(() -> post("application/json", request.toString()), 400, "DryRunOperation");
        post("application/json", request.toString()).then()
                .body("Message", equalTo("Request validation has been passed with DryRun flag set."));
        assertEquals(0, LocalStackResource.stack().simulator().endpointsCreatedWith(token));
    }

    @Test
    void aFailingDryRunAnswersTheCloudsOrTheLocalError() throws Exception {
        refused(() -> post("application/json", valid().put("VpcId", "vpc-missing").put("DryRun", true).toString()),
                400, "VpcNotFound");
        refused(() -> post("application/json", valid().put("EndpointName", "1").put("DryRun", true).toString()),
                400, "IllegalParam.EndpointName");
    }

    @Test
    void twentyIdenticalRequestsAtOnceMakeOneJob() throws Exception {
        String body = valid().toString();
        String token = JSON.readTree(body).get("ClientToken").asText();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> post("application/json", body)));
            }
            java.util.Set<String> jobIds = new java.util.HashSet<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertEquals(202, r.statusCode(), r.asString());
                jobIds.add(r.jsonPath().getString("JobId"));
            }
            assertEquals(1, jobIds.size());
            assertEquals(1, TestDatabase.count("select count(*) from vpc_endpoint_job where client_token = ?", token));
        } finally {
            pool.shutdownNow();
        }
    }
}
