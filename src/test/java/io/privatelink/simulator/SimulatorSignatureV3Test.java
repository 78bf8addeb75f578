package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.AK;
import static io.privatelink.simulator.SimulatorHarness.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Signature V3 (ACS3-HMAC-SHA256), as the V2.0 SDKs send it, against the simulator over HTTP: the independent
 * signer's requests are accepted on every action, and a tampered header, body or date, a reused nonce, an unknown
 * key, a missing action or content hash are refused in the API's shape.
 */
class SimulatorSignatureV3Test {

    static final String PL = PrivateLinkSimulator.VERSION;

    static Map<String, String> createParams(String token) {
        return SimulatorHarness.create("ClientToken", token);
    }

    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertEquals(200, response.statusCode(), response.body());
        return SimulatorHarness.JSON.readTree(response.body());
    }

    static String code(HttpResponse<String> response) throws Exception {
        assertTrue(response.statusCode() >= 400, response.body());
        return SimulatorHarness.JSON.readTree(response.body()).path("Code").asText();
    }

    static String host(SimulatorHarness sim) {
        return "127.0.0.1:" + sim.simulator.port();
    }

    @Test
    void bothImplementationsAgreeOnAKnownVector() {
        // The canonical request of the documented form, written out by hand for fixed inputs.
        IndependentSignerV3.Signed signed = IndependentSignerV3.sign("POST", "privatelink.cn-hangzhou.aliyuncs.com",
                "GetVpcEndpointAttribute", PL, Map.of("RegionId", "cn-hangzhou", "EndpointId", "ep-1 a*b~c"),
                new byte[0], null, "LTAIexample", "example-secret", null, Instant.parse("2026-12-02T01:00:00Z"),
                "3156853299f313e23d1673dc12e1703d");
        String expected = """
                POST
                /
                EndpointId=ep-1%20a%2Ab~c&RegionId=cn-hangzhou
                host:privatelink.cn-hangzhou.aliyuncs.com
                x-acs-action:GetVpcEndpointAttribute
                x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-acs-date:2026-12-02T01:00:00Z
                x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d
                x-acs-version:2020-04-15

                host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""";
        assertEquals(expected, signed.canonicalRequest());
        List<String> signedHeaders = List.of("host", "x-acs-action", "x-acs-content-sha256", "x-acs-date",
                "x-acs-signature-nonce", "x-acs-version");
        String simulators = SignatureV3.canonicalRequest("POST", "/", signed.query(), signed.headers(), signedHeaders,
                SignatureV3.sha256Hex(new byte[0]));
        assertEquals(expected, simulators);
        assertEquals(signed.stringToSign(), SignatureV3.stringToSign(simulators));
        String authorization = signed.headers().get("authorization");
        assertEquals(SignatureV3.sign(signed.stringToSign(), "example-secret"),
                authorization.substring(authorization.indexOf("Signature=") + "Signature=".length()));
    }

    @Test
    void aV3SignedCreateGoesActiveReplaysItsClientTokenAndAnswersDryRunAndTheSeedsCodes() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfter(Duration.ZERO))) {
            String token = UUID.randomUUID().toString();
            JsonNode created = ok(IndependentSignerV3.send(sim.simulator.port(), IndependentSignerV3.rpc(host(sim),
                    "CreateVpcEndpoint", PL, createParams(token), AK, SECRET, null)));
            String id = created.get("EndpointId").asText();
            JsonNode again = ok(IndependentSignerV3.send(sim.simulator.port(), IndependentSignerV3.rpcForm(host(sim),
                    "CreateVpcEndpoint", PL, createParams(token), AK, SECRET)));
            assertEquals(id, again.get("EndpointId").asText(), "the same ClientToken, in a form body this time");
            assertEquals("Active", ok(IndependentSignerV3.send(sim.simulator.port(), IndependentSignerV3.rpc(host(sim),
                    "GetVpcEndpointAttribute", PL, Map.of("RegionId", "cn-hangzhou", "EndpointId", id), AK, SECRET,
                    null))).get("EndpointStatus").asText());
            Map<String, String> dryRun = createParams(UUID.randomUUID().toString());
            dryRun.put("DryRun", "true");
            assertEquals("DryRunOperation", code(IndependentSignerV3.send(sim.simulator.port(),
                    IndependentSignerV3.rpc(host(sim), "CreateVpcEndpoint", PL, dryRun, AK, SECRET, null))));
            Map<String, String> noVpc = createParams(UUID.randomUUID().toString());
            noVpc.put("VpcId", "vpc-missing");
            assertEquals("VpcNotFound", code(IndependentSignerV3.send(sim.simulator.port(),
                    IndependentSignerV3.rpc(host(sim), "CreateVpcEndpoint", PL, noVpc, AK, SECRET, null))));
            // The lifecycle actions too.
            ok(IndependentSignerV3.send(sim.simulator.port(), IndependentSignerV3.rpc(host(sim),
                    "UpdateVpcEndpointAttribute", PL, Map.of("RegionId", "cn-hangzhou", "EndpointId", id,
                            "EndpointName", "v3-renamed"), AK, SECRET, null)));
            assertEquals("v3-renamed", sim.simulator.endpoint(id).orElseThrow().get("EndpointName"));
        }
    }

    @Test
    void tamperedHeadersBodiesAndDatesAndReusedNoncesAreRefused() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            int port = sim.simulator.port();
            Map<String, String> list = Map.of("RegionId", "cn-hangzhou");
            IndependentSignerV3.Signed signed = IndependentSignerV3.rpc(host(sim), "ListVpcEndpoints", PL, list, AK,
                    SECRET, null);
            HttpResponse<String> tampered = IndependentSignerV3.send(port, signed.withHeader("x-acs-action",
                    "ListVpcEndpointZones"));
            assertEquals("SignatureDoesNotMatch", code(tampered));
            assertTrue(tampered.body().contains("ACS3-HMAC-SHA256"), "the server's string to sign: " + tampered.body());
            ok(IndependentSignerV3.send(port, signed));
            assertEquals("SignatureNonceUsed", code(IndependentSignerV3.send(port, signed)));

            IndependentSignerV3.Signed form = IndependentSignerV3.rpcForm(host(sim), "ListVpcEndpoints", PL, list, AK,
                    SECRET);
            assertEquals("SignatureDoesNotMatch", code(IndependentSignerV3.send(port,
                    form.withBody("RegionId=cn-shanghai".getBytes(StandardCharsets.UTF_8)))));
            assertEquals("IncompleteSignature", code(IndependentSignerV3.send(port,
                    form.withoutHeader("x-acs-content-sha256"))));

            IndependentSignerV3.Signed old = IndependentSignerV3.sign("POST", host(sim), "ListVpcEndpoints", PL, list,
                    new byte[0], null, AK, SECRET, null, Instant.now().minus(Duration.ofMinutes(20)), "old-nonce");
            assertEquals("InvalidTimeStamp.Expired", code(IndependentSignerV3.send(port, old)));
            assertEquals("InvalidAccessKeyId.NotFound", code(IndependentSignerV3.send(port,
                    IndependentSignerV3.rpc(host(sim), "ListVpcEndpoints", PL, list, "LTAInobody", SECRET, null))));
            assertEquals("MissingAction", code(IndependentSignerV3.send(port, IndependentSignerV3.rpc(host(sim),
                    "ListVpcEndpoints", PL, list, AK, SECRET, null).withoutHeader("x-acs-action"))));
            assertEquals("InvalidAction.NotFound", code(IndependentSignerV3.send(port,
                    IndependentSignerV3.rpc(host(sim), "RebootVpcEndpoint", PL, list, AK, SECRET, null))));
            assertEquals("InvalidVersion", code(IndependentSignerV3.send(port,
                    IndependentSignerV3.rpc(host(sim), "ListVpcEndpoints", "2019-01-01", list, AK, SECRET, null))));
            assertEquals("IncompleteSignature", code(IndependentSignerV3.send(port,
                    IndependentSignerV3.rpc(host(sim), "ListVpcEndpoints", PL, list, AK, SECRET, null)
                            .withHeader("x-acs-unsigned", "extra"))), "every x-acs-* header must be signed");
        }
    }
}
