package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.AK;
import static io.privatelink.simulator.SimulatorHarness.SECRET;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyuncs.exceptions.ClientException;
import com.fasterxml.jackson.databind.JsonNode;

/** The RPC gateway's checks: signature, AccessKey, common parameters, timestamps, nonces, actions, versions. */
class SimulatorProtocolTest {

    static SimulatorHarness sim;

    @BeforeAll
    static void start() {
        sim = new SimulatorHarness(s -> s);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Map<String, String> get(String action) {
        Map<String, String> p = IndependentSigner.common(action, AK);
        p.put("RegionId", "cn-hangzhou");
        p.put("EndpointId", "ep-missing");
        return p;
    }

    static JsonNode body(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return SimulatorHarness.JSON.readTree(r.body());
    }

    @Test
    void aRequestSignedIndependentlyOfTheSdkIsAccepted() throws Exception {
        HttpResponse<String> r = sim.raw(IndependentSigner.signedQuery("GET", get("GetVpcEndpointAttribute"), SECRET));
        assertEquals(400, r.statusCode());
        assertEquals("EndpointNotFound", body(r).get("Code").asText(), "signature accepted, the action answered");
    }

    @Test
    void aWrongSignatureIsRefusedWithTheServersStringToSign() throws Exception {
        Map<String, String> p = get("GetVpcEndpointAttribute");
        HttpResponse<String> r = sim.raw(IndependentSigner.signedQuery("GET", p, "wrong-secret"));
        JsonNode error = body(r);
        assertEquals(400, r.statusCode());
        assertEquals("SignatureDoesNotMatch", error.get("Code").asText());
        assertThat(error.get("Message").asText(), containsString("string to sign is:GET&%2F&AccessKeyId%3D" + AK));
        assertEquals(PrivateLinkSimulator.HOST_ID, error.get("HostId").asText());
        assertThat(error.get("Recommend").asText(), containsString("SignatureDoesNotMatch"));
        assertTrue(error.hasNonNull("RequestId"));
    }

    @Test
    void theSdkRecognisesAWrongSecretFromTheStringToSign() {
        // getAcsResponse compares the server's string to sign with its own (getCommonResponse skips that step).
        com.aliyuncs.CommonRequest request = new com.aliyuncs.CommonRequest();
        request.setSysMethod(com.aliyuncs.http.MethodType.POST);
        request.setSysProtocol(com.aliyuncs.http.ProtocolType.HTTP);
        request.setSysDomain("127.0.0.1:" + sim.simulator.port());
        request.setSysVersion(PrivateLinkSimulator.VERSION);
        request.setSysAction("GetVpcEndpointAttribute");
        request.setSysAccept(com.aliyuncs.http.FormatType.JSON);
        request.putQueryParameter("RegionId", "cn-hangzhou");
        request.putQueryParameter("EndpointId", "ep-x");
        ClientException e = assertThrows(ClientException.class,
                () -> sim.client(AK, "wrong-secret").getAcsResponse(request.buildRequest()));
        assertEquals("SDK.InvalidAccessKeySecret", e.getErrCode(), "the SDK found its own string to sign in the answer");
    }

    @Test
    void anUnknownAccessKeyIsNotFound() throws Exception {
        Map<String, String> p = get("GetVpcEndpointAttribute");
        p.put("AccessKeyId", "LTAIunknown");
        HttpResponse<String> r = sim.raw(IndependentSigner.signedQuery("GET", p, SECRET));
        assertEquals(404, r.statusCode());
        assertEquals("InvalidAccessKeyId.NotFound", body(r).get("Code").asText());
    }

    @Test
    void missingCommonParametersAreNamed() throws Exception {
        for (String name : new String[] {"Signature", "SignatureNonce", "Timestamp", "AccessKeyId", "Version"}) {
            Map<String, String> p = get("GetVpcEndpointAttribute");
            String query;
            if (name.equals("Signature")) {
                query = IndependentSigner.signedQuery("GET", p, SECRET).replaceAll("&Signature=[^&]*", "")
                        .replaceAll("^Signature=[^&]*&", "");
            } else {
                p.remove(name);
                query = IndependentSigner.signedQuery("GET", p, SECRET);
            }
            HttpResponse<String> r = sim.raw(query);
            assertEquals(400, r.statusCode(), name);
            assertEquals("Missing" + name, body(r).get("Code").asText());
        }
    }

    @Test
    void aTimestampOutsideFifteenMinutesIsExpired() throws Exception {
        Map<String, String> p = get("GetVpcEndpointAttribute");
        p.put("Timestamp", Instant.now().minusSeconds(16 * 60).toString().replaceAll("\\.\\d+Z$", "Z"));
        HttpResponse<String> r = sim.raw(IndependentSigner.signedQuery("GET", p, SECRET));
        assertEquals("InvalidTimeStamp.Expired", body(r).get("Code").asText());
        p.put("Timestamp", "yesterday");
        assertEquals("InvalidTimeStamp.Format", body(sim.raw(IndependentSigner.signedQuery("GET", p, SECRET)))
                .get("Code").asText());
    }

    @Test
    void aReplayedNonceIsRefused() throws Exception {
        String query = IndependentSigner.signedQuery("GET", get("GetVpcEndpointAttribute"), SECRET);
        assertEquals("EndpointNotFound", body(sim.raw(query)).get("Code").asText());
        HttpResponse<String> replay = sim.raw(query);
        assertEquals(400, replay.statusCode());
        assertEquals("SignatureNonceUsed", body(replay).get("Code").asText());
    }

    @Test
    void anUnknownActionAndAnotherVersionAreRefused() throws Exception {
        HttpResponse<String> r = sim.raw(IndependentSigner.signedQuery("GET", get("DescribeRegions"), SECRET));
        assertEquals(404, r.statusCode());
        assertEquals("InvalidAction.NotFound", body(r).get("Code").asText());
        Map<String, String> p = get("GetVpcEndpointAttribute");
        p.put("Version", "2014-05-26");
        assertEquals("InvalidVersion", body(sim.raw(IndependentSigner.signedQuery("GET", p, SECRET))).get("Code").asText());
    }

    @Test
    void formBodyParametersAreSignedAndReadToo() throws Exception {
        Map<String, String> p = get("GetVpcEndpointAttribute");
        String query = IndependentSigner.signedQuery("POST", p, SECRET);
        var request = java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + sim.simulator.port() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(query)).build();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString());
        assertEquals("EndpointNotFound", body(r).get("Code").asText());
    }
}
