package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.create;
import static io.privatelink.simulator.SimulatorHarness.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Every action through the real SDK: create, observe, list, delete; idempotency, DryRun, lifecycle, restarts. */
class SimulatorActionsTest {

    static Map<String, String> get(String endpointId) {
        return params("RegionId", "cn-hangzhou", "EndpointId", endpointId);
    }

    @Test
    void anEndpointIsCreatingThenActiveAfterTheConfiguredNumberOfPolls() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfterPolls(2))) {
            Map<String, Object> created = sim.call("CreateVpcEndpoint", create("EndpointName", "first"));
            String id = (String) created.get("EndpointId");
            assertTrue(id.matches("ep-[a-z0-9]{20}"));
            assertEquals("Creating", created.get("EndpointStatus"));
            assertEquals("Connecting", created.get("ConnectionStatus"));
            assertEquals(id + ".epsrv-demo01.cn-hangzhou.privatelink.aliyuncs.com", created.get("EndpointDomain"));
            assertEquals("first", created.get("EndpointName"));
            assertTrue(created.containsKey("RequestId") && created.containsKey("CreateTime") && created.containsKey("Bandwidth"));

            assertEquals("Creating", sim.call("GetVpcEndpointAttribute", get(id)).get("EndpointStatus"));
            assertEquals("Creating", sim.call("GetVpcEndpointAttribute", get(id)).get("EndpointStatus"));
            Map<String, Object> active = sim.call("GetVpcEndpointAttribute", get(id));
            assertEquals("Active", active.get("EndpointStatus"));
            assertEquals("Connected", active.get("ConnectionStatus"));
            assertEquals("Normal", active.get("EndpointBusinessStatus"));
            assertEquals("Interface", active.get("EndpointType"));
            assertEquals("Endpoint", active.get("Payer"));
            assertEquals(1, active.get("ZonePrivateIpAddressCount"));
        }
    }

    @Test
    void anEndpointOfAServiceWithoutAutoAcceptStaysDisconnected() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfterPolls(1))) {
            String id = (String) sim.call("CreateVpcEndpoint", create("ServiceId", "epsrv-manual01")).get("EndpointId");
            sim.call("GetVpcEndpointAttribute", get(id));
            Map<String, Object> active = sim.call("GetVpcEndpointAttribute", get(id));
            assertEquals("Active", active.get("EndpointStatus"));
            assertEquals("Disconnected", active.get("ConnectionStatus"));
        }
    }

    @Test
    void anEndpointTurnsActiveAfterTheConfiguredDelay() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfter(Duration.ofMillis(1500)))) {
            String id = (String) sim.call("CreateVpcEndpoint", create()).get("EndpointId");
            assertEquals("Creating", sim.call("GetVpcEndpointAttribute", get(id)).get("EndpointStatus"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(
                    () -> "Active".equals(sim.call("GetVpcEndpointAttribute", get(id)).get("EndpointStatus")));
        }
    }

    @Test
    void aClientTokenNamesOneEndpoint() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            Map<String, String> request = create();
            Object first = sim.call("CreateVpcEndpoint", request).get("EndpointId");
            assertEquals(first, sim.call("CreateVpcEndpoint", request).get("EndpointId"));
            Map<String, String> other = new java.util.HashMap<>(request);
            other.put("EndpointName", "changed");
            assertEquals("IdempotenceSignatureMismatch", sim.code("CreateVpcEndpoint", other));
            assertEquals(1, sim.simulator.endpointsCreatedWith(request.get("ClientToken")));
        }
    }

    @Test
    void aSecondRequestWhileTheFirstIsProcessedIsIdempotenceProcessing() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            sim.admin("PUT", "/_simulator/faults", "{\"LatencyMillis\": 800}");
            Map<String, String> request = create();
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> sim.code("CreateVpcEndpoint", request));
            Thread.sleep(300);
            assertEquals("IdempotenceProcessing", sim.code("CreateVpcEndpoint", request));
            assertEquals("Success", first.get());
        }
    }

    @Test
    void aDryRunChecksEverythingAndCreatesNothing() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            Map<String, String> request = create("DryRun", "true");
            assertEquals("DryRunOperation", sim.code("CreateVpcEndpoint", request));
            assertEquals("VpcNotFound", sim.code("CreateVpcEndpoint", create("DryRun", "true", "VpcId", "vpc-missing")));
            assertEquals(0, sim.simulator.endpointsCreatedWith(request.get("ClientToken")));
            assertEquals(0, state(sim).get("EndpointsCreated").asInt());
        }
    }

    @Test
    void listVpcEndpointsFiltersAndPages() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            Set<String> created = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                created.add((String) sim.call("CreateVpcEndpoint", create("EndpointName", "page" + i,
                        "Tag.1.Key", "team", "Tag.1.Value", i % 2 == 0 ? "even" : "odd")).get("EndpointId"));
            }
            Set<String> seen = new HashSet<>();
            String next = "";
            int pages = 0;
            do {
                Map<String, String> p = params("RegionId", "cn-hangzhou", "MaxResults", "2", "VpcId", "vpc-demo01");
                if (!next.isEmpty()) {
                    p.put("NextToken", next);
                }
                Map<String, Object> page = sim.call("ListVpcEndpoints", p);
                assertEquals(5, page.get("TotalCount"));
                for (Object e : (List<?>) page.get("Endpoints")) {
                    seen.add((String) ((Map<?, ?>) e).get("EndpointId"));
                }
                next = (String) page.get("NextToken");
                pages++;
            } while (!next.isEmpty());
            assertEquals(3, pages);
            assertEquals(created, seen);
            Map<String, Object> evens = sim.call("ListVpcEndpoints",
                    params("RegionId", "cn-hangzhou", "Tag.1.Key", "team", "Tag.1.Value", "even"));
            assertEquals(3, evens.get("TotalCount"));
            Map<String, Object> one = sim.call("ListVpcEndpoints", params("RegionId", "cn-hangzhou", "EndpointName", "page3"));
            assertEquals(1, one.get("TotalCount"));
            assertEquals("InvalidParameter", sim.code("ListVpcEndpoints", params("RegionId", "cn-hangzhou", "MaxResults", "0")));
        }
    }

    @Test
    void zonesAndSecurityGroupsAreListedWithTheirAddresses() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s)) {
            String id = (String) sim.call("CreateVpcEndpoint", create("Zone.1.ip", "192.168.0.10",
                    "Zone.2.VSwitchId", "vsw-demo01i", "Zone.2.ZoneId", "cn-hangzhou-i")).get("EndpointId");
            List<?> zones = (List<?>) sim.call("ListVpcEndpointZones", get(id)).get("Zones");
            assertEquals(2, zones.size());
            Map<?, ?> h = (Map<?, ?>) zones.get(0);
            assertEquals("192.168.0.10", h.get("EniIp"));
            assertEquals("cn-hangzhou-h", h.get("ZoneId"));
            assertEquals("Creating", h.get("ZoneStatus"));
            assertTrue(((String) ((Map<?, ?>) zones.get(1)).get("EniIp")).startsWith("192.168."));
            List<?> groups = (List<?>) sim.call("ListVpcEndpointSecurityGroups", get(id)).get("SecurityGroups");
            assertEquals("sg-demo01", ((Map<?, ?>) groups.get(0)).get("SecurityGroupId"));
            assertEquals("EniIpUnavailable", sim.code("CreateVpcEndpoint", create("Zone.1.ip", "192.168.0.10")),
                    "an address already taken");
        }
    }

    @Test
    void aDeletedEndpointIsDeletingThenNotFound() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> new PrivateLinkSimulator.Settings(s.host(), s.port(),
                s.accessKeys(), Duration.ZERO, 0, Duration.ofMillis(800), null, s.dataDir(), s.faults()))) {
            String id = (String) sim.call("CreateVpcEndpoint", create()).get("EndpointId");
            sim.call("DeleteVpcEndpoint", get(id));
            assertEquals("Deleting", sim.call("GetVpcEndpointAttribute", get(id)).get("EndpointStatus"));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> "EndpointNotFound".equals(sim.code("GetVpcEndpointAttribute", get(id))));
            assertEquals("EndpointNotFound", sim.code("DeleteVpcEndpoint", get(id)));
        }
    }

    @Test
    void itsStateSurvivesARestartAndAResetEmptiesIt() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfter(Duration.ofHours(1)))) {
            Map<String, String> request = create();
            String id = (String) sim.call("CreateVpcEndpoint", request).get("EndpointId");
            sim.restart();
            assertEquals("Creating", sim.call("GetVpcEndpointAttribute", get(id)).get("EndpointStatus"));
            assertEquals(id, sim.call("CreateVpcEndpoint", request).get("EndpointId"), "the ClientToken is remembered");
            assertEquals(200, sim.admin("POST", "/_simulator/reset", null).statusCode());
            assertEquals("EndpointNotFound", sim.code("GetVpcEndpointAttribute", get(id)));
            sim.restart();
            assertEquals("EndpointNotFound", sim.code("GetVpcEndpointAttribute", get(id)));
            assertNotEquals(id, sim.call("CreateVpcEndpoint", request).get("EndpointId"));
        }
    }

    static JsonNode state(SimulatorHarness sim) throws Exception {
        return SimulatorHarness.JSON.readTree(sim.admin("GET", "/_simulator/state", null).body());
    }
}
