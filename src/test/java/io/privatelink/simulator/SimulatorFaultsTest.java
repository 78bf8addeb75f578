package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.create;
import static io.privatelink.simulator.SimulatorHarness.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.exceptions.ServerException;
import com.fasterxml.jackson.databind.JsonNode;

/** Every fault knob, set at run time through the admin endpoint, as the SDK meets it. */
class SimulatorFaultsTest {

    static SimulatorHarness sim;

    @BeforeAll
    static void start() {
        sim = new SimulatorHarness(s -> s.withActiveAfterPolls(1));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clear() {
        faults("{}");
    }

    static void faults(String json) {
        assertEquals(200, sim.admin("PUT", "/_simulator/faults", json).statusCode(), json);
    }

    static JsonNode state() throws Exception {
        return SimulatorHarness.JSON.readTree(sim.admin("GET", "/_simulator/state", null).body());
    }

    static Map<String, String> list() {
        return params("RegionId", "cn-hangzhou");
    }

    @Test
    void throttlingIsAnHttp400WithThrottlingUser() {
        faults("{\"ThrottleRate\": 1.0}");
        assertEquals("Throttling.User", sim.code("ListVpcEndpoints", list()));
    }

    @Test
    void aQpsLimitThrottlesTheCallsBeyondIt() throws Exception {
        faults("{\"QpsLimits\": {\"ListVpcEndpoints\": 3}}");
        int throttled = 0;
        for (int i = 0; i < 10; i++) {
            if ("Throttling.User".equals(sim.code("ListVpcEndpoints", list()))) {
                throttled++;
            }
        }
        assertTrue(throttled >= 4, "at most 3 a second, 6 a two-second span, pass: " + throttled + " of 10 throttled");
        assertEquals("Success", sim.code("GetVpcEndpointAttribute", params("RegionId", "cn-hangzhou", "EndpointId", "x"))
                .replace("EndpointNotFound", "Success"), "other actions are not limited");
    }

    @Test
    void serverFaultsAre503And500() {
        faults("{\"ServiceUnavailableRate\": 1.0}");
        ServerException unavailable = assertThrows(ServerException.class, () -> sim.call("ListVpcEndpoints", list()));
        assertEquals("ServiceUnavailable", unavailable.getErrCode());
        faults("{\"InternalErrorRate\": 1.0}");
        ServerException internal = assertThrows(ServerException.class, () -> sim.call("ListVpcEndpoints", list()));
        assertEquals("InternalError", internal.getErrCode());
    }

    @Test
    void latencyIsAdded() throws Exception {
        faults("{\"LatencyMillis\": 300, \"LatencyJitterMillis\": 100}");
        long start = System.nanoTime();
        sim.call("ListVpcEndpoints", list());
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 300, "the call waited at least the fixed latency");
    }

    @Test
    void aDroppedConnectionIsServerUnreachableAndDoesNothing() throws Exception {
        long before = state().get("EndpointsCreated").asLong();
        faults("{\"DropRate\": 1.0}");
        ClientException e = assertThrows(ClientException.class, () -> sim.call("CreateVpcEndpoint", create()));
        assertEquals("SDK.ServerUnreachable", e.getErrCode());
        faults("{}");
        assertEquals(before, state().get("EndpointsCreated").asLong());
    }

    @Test
    void aReadTimeoutLeavesTheWorkDoneSoTheSameClientTokenGetsTheSameEndpoint() throws Exception {
        faults("{\"ReadTimeoutRate\": 1.0, \"HangMillis\": 1500}");
        Map<String, String> request = create();
        ClientException e = assertThrows(ClientException.class,
                () -> sim.call(sim.client(SimulatorHarness.AK, SimulatorHarness.SECRET), "CreateVpcEndpoint", request, 500));
        assertEquals("SDK.ReadTimeout", e.getErrCode());
        Thread.sleep(1500);
        faults("{}");
        sim.call("CreateVpcEndpoint", request);
        assertEquals(1, sim.simulator.endpointsCreatedWith(request.get("ClientToken")));
    }

    @Test
    void endpointsCreatedWhileStuckStayCreating() throws Exception {
        faults("{\"StuckCreating\": true}");
        String id = (String) sim.call("CreateVpcEndpoint", create()).get("EndpointId");
        faults("{}");
        for (int i = 0; i < 4; i++) {
            assertEquals("Creating", sim.call("GetVpcEndpointAttribute",
                    params("RegionId", "cn-hangzhou", "EndpointId", id)).get("EndpointStatus"));
        }
    }

    @Test
    void aForcedCodeAnswersTheNextCallsOfItsActionOnly() {
        faults("{\"Forced\": [{\"Action\": \"CreateVpcEndpoint\", \"Code\": \"SystemBusy\", \"Count\": 2}]}");
        assertEquals("Success", sim.code("ListVpcEndpoints", list()));
        assertEquals("SystemBusy", sim.code("CreateVpcEndpoint", create()));
        assertEquals("SystemBusy", sim.code("CreateVpcEndpoint", create()));
        assertEquals("Success", sim.code("CreateVpcEndpoint", create()));
    }

    @Test
    void theStateViewCountsCallsAndOutcomesAndUnknownFaultsAreRefused() throws Exception {
        long calls = state().path("Calls").path("ListVpcEndpoints").asLong();
        faults("{\"ThrottleRate\": 1.0}");
        sim.code("ListVpcEndpoints", list());
        JsonNode state = state();
        assertEquals(calls + 1, state.path("Calls").path("ListVpcEndpoints").asLong());
        assertTrue(state.path("Outcomes").path("Throttling.User").asLong() >= 1);
        assertEquals(0, state.get("ClientTokensWithMoreThanOneEndpoint").asLong());
        assertEquals(400, sim.admin("PUT", "/_simulator/faults", "{\"ThrottleRat\": 1}").statusCode());
    }
}
