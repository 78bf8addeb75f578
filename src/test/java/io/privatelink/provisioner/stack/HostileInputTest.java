package io.privatelink.provisioner.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.fixtures.Callers;
import io.privatelink.provisioner.fixtures.LocalStackResource;
import io.privatelink.provisioner.fixtures.RawHttp;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The requests that once answered 503 or 500 (or a bare status without the API's error shape): each is now the 4xx
 * its input deserves, with {RequestId, Code, Message}.
 */
@QuarkusTest
@Execution(ExecutionMode.SAME_THREAD)
@QuarkusTestResource(LocalStackResource.class)
class HostileInputTest {

    static final ObjectMapper JSON = new ObjectMapper();

    record Hostile(String name, String method, String path, String contentType, String body, int status, String code,
            String header) {
        Hostile(String name, String method, String path, String contentType, String body, int status, String code) {
            this(name, method, path, contentType, body, status, code, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static String json(String fields) {
        return "{\"RegionId\":\"cn-hangzhou\",\"VpcId\":\"vpc-demo01\",\"ServiceId\":\"epsrv-demo01\"," + fields + "}";
    }

    static Hostile create(String name, String fields, String code) {
        return new Hostile(name, "POST", "/CreateVpcEndpoint", "application/json", json(fields), 400, code);
    }

    static Stream<Hostile> cases() {
        return Stream.of(
                create("null count", "\"ZonePrivateIpAddressCount\":null", null),
                create("empty count", "\"ZonePrivateIpAddressCount\":\"\"", "InvalidParameter"),
                create("null tag", "\"Tag\":null", null),
                create("empty tag", "\"Tag\":\"\"", "InvalidParameter"),
                create("blank bandwidth", "\"CrossRegionBandwidth\":\" \"", "InvalidParameter"),
                create("null affinity beside empty count", "\"ZoneAffinityEnabled\":null,\"ZonePrivateIpAddressCount\":\"\"",
                        "InvalidParameter"),
                new Hostile("long region", "POST", "/CreateVpcEndpoint", "application/json",
                        "{\"RegionId\":\"" + "r".repeat(10_000) + "\",\"VpcId\":\"vpc-demo01\",\"ServiceId\":\"epsrv-demo01\"}",
                        400, "IllegalParam.RegionId"),
                new Hostile("long vpc", "POST", "/CreateVpcEndpoint", "application/json",
                        "{\"RegionId\":\"cn-hangzhou\",\"VpcId\":\"" + "v".repeat(304) + "\",\"ServiceId\":\"epsrv-demo01\"}",
                        400, "IllegalParam.VpcId"),
                new Hostile("form bad escape", "POST", "/CreateVpcEndpoint", "application/x-www-form-urlencoded",
                        "RegionId=cn-hangzhou&VpcId=%ZZ&ServiceId=epsrv-demo01", 400, "InvalidParameter"),
                new Hostile("form 5000 indexes", "POST", "/CreateVpcEndpoint", "application/x-www-form-urlencoded",
                        "RegionId=cn-hangzhou&VpcId=vpc-demo01&ServiceId=epsrv-demo01" + indexes(5000), 400,
                        "InvalidParameter"),
                new Hostile("nul job id", "GET", "/GetVpcEndpointJob?JobId=%00", null, null, 400, "IllegalParam.JobId"),
                new Hostile("bad next token escape", "GET", "/ListVpcEndpointJobs?NextToken=%%%", null, null, 400,
                        "InvalidParameter"),
                new Hostile("long query", "GET", "/GetVpcEndpointJob?JobId=" + "j".repeat(20_000), null, null, 414,
                        "InvalidParameter"),
                new Hostile("bad escape in path", "GET", "/GetVpcEndpointJob%ZZ?JobId=x", null, null, 400,
                        "InvalidParameter"),
                new Hostile("invalid utf-8 in query", "GET", "/GetVpcEndpointJob?JobId=%C3%28", null, null, 400,
                        "InvalidParameter"),
                new Hostile("nul client token", "GET", "/GetVpcEndpointJob?ClientToken=a%00b", null, null, 400,
                        "IllegalParam.ClientToken"),
                new Hostile("nul vpc filter", "GET", "/ListVpcEndpointJobs?VpcId=vpc%00", null, null, 400,
                        "IllegalParam.VpcId"),
                new Hostile("long headers", "GET", "/GetVpcEndpointJob?JobId=x", null, null, 431, "InvalidParameter",
                        "X-Padding: " + "p".repeat(30_000)),
                // Past what Vert.x read at 64 KiB, where it answered bare: still the API's shape.
                new Hostile("authorization of 100 KiB", "GET", "/GetVpcEndpointJob?JobId=x", null, null, 431,
                        "InvalidParameter", "Authorization: Bearer " + "t".repeat(100 * 1024)),
                new Hostile("request line of 100 KiB", "GET", "/GetVpcEndpointJob?JobId=" + "j".repeat(100 * 1024), null,
                        null, 414, "InvalidParameter"),
                new Hostile("unknown function post", "POST", "/NoSuchFunction", "application/json", "{}", 404,
                        "InvalidAction.NotFound"),
                new Hostile("unknown function get", "GET", "/NoSuchFunction", null, null, 404, "InvalidAction.NotFound"),
                new Hostile("unsupported method", "DELETE", "/CreateVpcEndpoint", null, null, 405, "UnsupportedHTTPMethod"));
    }

    static String indexes(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            s.append("&SecurityGroupId.").append(i).append("=sg-").append(i);
        }
        return s.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersInTheApisShape(Hostile h) throws Exception {
        RawHttp.Answer r = RawHttp.send(h.method(), h.path(), Callers.provisionerToken(), h.contentType(), h.body(),
                h.header());
        if (h.code() == null) {
            assertEquals(202, r.status(), h.name() + " -> " + r.body());
            return;
        }
        assertEquals(h.status(), r.status(), h.name() + " -> " + r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(h.code(), body.path("Code").asText(), h.name() + " -> " + r.body());
        assertTrue(body.hasNonNull("RequestId") && body.hasNonNull("Message"), r.body());
    }
}
