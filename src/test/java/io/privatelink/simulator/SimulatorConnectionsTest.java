package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.create;
import static io.privatelink.simulator.SimulatorHarness.params;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.aliyuncs.DefaultAcsClient;

/**
 * The owner's side of connections through the real SDK: an endpoint to a service that does not auto-accept waits
 * Disconnected with its zones in Wait; the owner's EnableVpcEndpointConnection connects it (Connecting, Connected),
 * DisableVpcEndpointConnection disconnects it; across accounts, only for the service's owner and listed accounts.
 */
class SimulatorConnectionsTest {

    private static final String B = "2345678901234567";

    private static Map<String, String> get(String endpointId) {
        return params("RegionId", "cn-hangzhou", "EndpointId", endpointId);
    }

    private static Map<String, String> decision(String serviceId, String endpointId, String... extra) {
        Map<String, String> p = params("RegionId", "cn-hangzhou", "ServiceId", serviceId, "EndpointId", endpointId);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    private static String zoneStatus(SimulatorHarness sim, String endpointId) throws Exception {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> zones = (List<Map<String, Object>>) sim.call("ListVpcEndpointZones", get(endpointId))
                .get("Zones");
        return (String) zones.get(0).get("ZoneStatus");
    }

    private static void awaitConnection(SimulatorHarness sim, String endpointId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(
                () -> status.equals(sim.call("GetVpcEndpointAttribute", get(endpointId)).get("ConnectionStatus")));
    }

    @Test
    void theOwnerAcceptsThenRejectsAConnectionWithTheRulesOfAChange() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfterPolls(0)
                .withActiveAfter(Duration.ZERO))) {
            String id = (String) sim.call("CreateVpcEndpoint", create("ServiceId", "epsrv-manual01")).get("EndpointId");
            Map<String, Object> waiting = sim.call("GetVpcEndpointAttribute", get(id));
            assertEquals(List.of("Active", "Disconnected"), List.of(waiting.get("EndpointStatus"),
                    waiting.get("ConnectionStatus")));
            assertEquals("Wait", zoneStatus(sim, id));

            assertEquals("EndpointServiceNotFound", sim.code("EnableVpcEndpointConnection",
                    decision("epsrv-nosuch01", id)));
            assertEquals("EndpointConnectionNotFound", sim.code("EnableVpcEndpointConnection",
                    decision("epsrv-demo01", id)), "the endpoint connects to another service");
            assertEquals("InvalidParameter", sim.code("EnableVpcEndpointConnection",
                    decision("epsrv-manual01", id, "Bandwidth", "99")));
            assertEquals("DryRunOperation", sim.code("EnableVpcEndpointConnection",
                    decision("epsrv-manual01", id, "DryRun", "true")));
            assertEquals("Disconnected", sim.call("GetVpcEndpointAttribute", get(id)).get("ConnectionStatus"));

            Map<String, String> accept = decision("epsrv-manual01", id, "ClientToken", "accept-1", "Bandwidth", "2048");
            sim.call("EnableVpcEndpointConnection", accept);
            Map<String, Object> connecting = sim.call("GetVpcEndpointAttribute", get(id));
            assertEquals("Connecting", connecting.get("ConnectionStatus"));
            assertEquals("EndpointConnectionOperationDenied", sim.code("DisableVpcEndpointConnection",
                    decision("epsrv-manual01", id)), "a decision on its way refuses another");
            assertEquals("EndpointConnectionOperationDenied", sim.code("UpdateVpcEndpointAttribute",
                    params("RegionId", "cn-hangzhou", "EndpointId", id, "EndpointName", "renamed")));
            awaitConnection(sim, id, "Connected");
            assertEquals(2048, sim.call("GetVpcEndpointAttribute", get(id)).get("Bandwidth"));
            assertEquals("Connected", zoneStatus(sim, id));
            assertEquals("Success", sim.code("EnableVpcEndpointConnection", accept), "the same token again");
            assertEquals("Connected", sim.call("GetVpcEndpointAttribute", get(id)).get("ConnectionStatus"));
            sim.call("UpdateVpcEndpointConnectionAttribute", decision("epsrv-manual01", id, "Bandwidth", "4096"));
            assertEquals(4096, sim.call("GetVpcEndpointAttribute", get(id)).get("Bandwidth"));
            assertEquals("Connected", sim.call("GetVpcEndpointAttribute", get(id)).get("ConnectionStatus"));

            // One zone alone: disconnected and connected again, the connection Connected throughout.
            Map<String, String> zone = decision("epsrv-manual01", id, "ZoneId", "cn-hangzhou-h");
            assertEquals("ResourceNotFound.VpcEndpointZone", sim.code("DisableVpcEndpointZoneConnection",
                    decision("epsrv-manual01", id, "ZoneId", "cn-hangzhou-z")));
            assertEquals("IncorrectStatus.VpcEndpointZone", sim.code("EnableVpcEndpointZoneConnection", zone),
                    "a connected zone is not enabled again");
            sim.call("DisableVpcEndpointZoneConnection", zone);
            assertEquals("Disconnecting", zoneStatus(sim, id));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "Disconnected".equals(zoneStatus(sim, id)));
            assertEquals("Connected", sim.call("GetVpcEndpointAttribute", get(id)).get("ConnectionStatus"));
            sim.call("EnableVpcEndpointZoneConnection", zone);
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "Connected".equals(zoneStatus(sim, id)));

            sim.call("DisableVpcEndpointConnection", decision("epsrv-manual01", id));
            assertEquals("Disconnecting", sim.call("GetVpcEndpointAttribute", get(id)).get("ConnectionStatus"));
            awaitConnection(sim, id, "Disconnected");
            assertEquals("Disconnected", zoneStatus(sim, id), "a rejected zone no longer waits");
            assertEquals("EndpointConnectionOperationDenied", sim.code("UpdateVpcEndpointConnectionAttribute",
                    decision("epsrv-manual01", id, "Bandwidth", "2048")), "only a connected one's bandwidth");
            assertEquals("IncorrectStatus.VpcEndpointConnection", sim.code("EnableVpcEndpointZoneConnection",
                    decision("epsrv-manual01", id, "ZoneId", "cn-hangzhou-h")), "a zone of a Connected one only");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) sim.call("ListVpcEndpointConnections",
                    params("RegionId", "cn-hangzhou", "ServiceId", "epsrv-manual01")).get("Connections");
            assertEquals(List.of(id, "Disconnected"), List.of(listed.get(0).get("EndpointId"),
                    listed.get(0).get("ConnectionStatus")), "a rejected connection stays listed");
        }
    }

    @Test
    void anEndpointOfAnotherAccountConnectsToAServiceThatListsItAndItsOwnerDecides() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfterPolls(0)
                .withActiveAfter(Duration.ZERO))) {
            DefaultAcsClient b = SimulatorStsTest.session(SimulatorStsTest.assume(sim, Map.of("RoleArn",
                    "acs:ram::" + B + ":role/privatelink-provisioner", "RoleSessionName", "demo-b")));
            Map<String, String> inB = create("VpcId", "vpc-demob01", "ServiceId", "epsrv-shared01",
                    "SecurityGroupId.1", "sg-demob01", "Zone.1.VSwitchId", "vsw-demob01h");
            String id = SimulatorStsTest.call(b, SimulatorStsTest.request(sim, PrivateLinkSimulator.VERSION,
                    "CreateVpcEndpoint", inB)).get("EndpointId").asText();
            assertEquals(B, sim.simulator.accountOf(id).orElseThrow());
            Map<String, String> toManual = create("VpcId", "vpc-demob01", "ServiceId", "epsrv-manual01",
                    "SecurityGroupId.1", "sg-demob01", "Zone.1.VSwitchId", "vsw-demob01h");
            assertEquals("EndpointServiceNotAuthorized", SimulatorStsTest.code(b, SimulatorStsTest.request(sim,
                    PrivateLinkSimulator.VERSION, "CreateVpcEndpoint", toManual)), "a service that does not list B");

            com.fasterxml.jackson.databind.JsonNode visible = SimulatorStsTest.call(b, SimulatorStsTest.request(sim,
                    PrivateLinkSimulator.VERSION, "ListVpcEndpointServicesByEndUser", params("RegionId", "cn-hangzhou")));
            List<String> listed = new java.util.ArrayList<>();
            visible.get("Services").forEach(v -> listed.add(v.get("ServiceId").asText()));
            assertEquals(true, listed.contains("epsrv-shared01"), "a service that lists B: " + listed);
            assertEquals(false, listed.contains("epsrv-manual01"), "one that does not: " + listed);
            assertEquals(String.valueOf(listed.size()), visible.get("TotalCount").asText(), "a string, as the API's");
            assertEquals(false, visible.get("Services").get(0).has("ServiceStatus"));
            assertEquals("EndpointServiceNotFound", SimulatorStsTest.code(b, SimulatorStsTest.request(sim,
                    PrivateLinkSimulator.VERSION, "ListVpcEndpointConnections",
                    params("RegionId", "cn-hangzhou", "ServiceId", "epsrv-shared01"))), "another account's service");
            assertEquals("EndpointServiceNotFound", SimulatorStsTest.code(b, SimulatorStsTest.request(sim,
                    PrivateLinkSimulator.VERSION, "EnableVpcEndpointConnection", decision("epsrv-shared01", id))),
                    "only the owner decides");

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> waiting = (List<Map<String, Object>>) sim.call("ListVpcEndpointConnections",
                    params("RegionId", "cn-hangzhou", "ServiceId", "epsrv-shared01", "ConnectionStatus",
                            "Disconnected")).get("Connections");
            assertEquals(List.of(id, Long.parseLong(B)), List.of(waiting.get(0).get("EndpointId"),
                    waiting.get(0).get("EndpointOwnerId")));
            sim.call("EnableVpcEndpointConnection", decision("epsrv-shared01", id));
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "Connected".equals(SimulatorStsTest.call(b,
                    SimulatorStsTest.request(sim, PrivateLinkSimulator.VERSION, "GetVpcEndpointAttribute", get(id)))
                    .get("ConnectionStatus").asText()));
        }
    }

    @Test
    void theConsolesOutOfBandDecisionMovesTheConnection() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfterPolls(0)
                .withActiveAfter(Duration.ZERO))) {
            String id = (String) sim.call("CreateVpcEndpoint", create("ServiceId", "epsrv-manual01")).get("EndpointId");
            assertEquals(200, sim.admin("POST", "/_simulator/endpoints/" + id + "/accept", null).statusCode());
            awaitConnection(sim, id, "Connected");
            assertEquals(200, sim.admin("POST", "/_simulator/endpoints/" + id + "/reject", null).statusCode());
            awaitConnection(sim, id, "Disconnected");
            assertEquals(404, sim.admin("POST", "/_simulator/endpoints/ep-nosuch/accept", null).statusCode());
        }
    }
}
