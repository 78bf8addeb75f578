package io.privatelink.simulator;

import static io.privatelink.simulator.SimulatorHarness.create;
import static io.privatelink.simulator.SimulatorHarness.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The changes in place through the real SDK, with the lifecycle spec's states and codes: security groups Attaching
 * and Detaching, zones Creating and Deleting, the endpoint Pending meanwhile (EndpointLocked to another change), the
 * ClientToken naming one change, DryRun, and the rules the create has.
 */
class SimulatorLifecycleTest {

    static SimulatorHarness active() {
        return new SimulatorHarness(s -> s.withActiveAfter(Duration.ZERO).withDeletedAfter(Duration.ofMillis(600)));
    }

    static Map<String, String> on(String endpointId, String... more) {
        Map<String, String> p = params("RegionId", "cn-hangzhou", "EndpointId", endpointId);
        p.putAll(params(more));
        return p;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(SimulatorHarness sim, String action, String items, String id) throws Exception {
        return (List<Map<String, Object>>) sim.call(action, on(id)).get(items);
    }

    static String status(SimulatorHarness sim, String id) throws Exception {
        return (String) sim.call("GetVpcEndpointAttribute", on(id)).get("EndpointStatus");
    }

    @Test
    void aSecurityGroupIsAttachingWhileTheEndpointIsPendingAndAnotherChangeMeanwhileIsLocked() throws Exception {
        try (SimulatorHarness sim = active()) {
            String id = (String) sim.call("CreateVpcEndpoint", create()).get("EndpointId");
            sim.call("AttachSecurityGroupToVpcEndpoint", on(id, "SecurityGroupId", "sg-demo02", "ClientToken", "t-1"));
            assertEquals("Pending", status(sim, id));
            assertEquals(List.of(Map.of("SecurityGroupId", "sg-demo01", "SecurityGroupStatus", "Attached"),
                    Map.of("SecurityGroupId", "sg-demo02", "SecurityGroupStatus", "Attaching")),
                    list(sim, "ListVpcEndpointSecurityGroups", "SecurityGroups", id));
            assertEquals("EndpointLocked", sim.code("DetachSecurityGroupFromVpcEndpoint",
                    on(id, "SecurityGroupId", "sg-demo01")));
            assertEquals("Success", sim.code("AttachSecurityGroupToVpcEndpoint",
                    on(id, "SecurityGroupId", "sg-demo02", "ClientToken", "t-1")), "a replay is answered, not refused");
            Thread.sleep(700);
            assertEquals("Active", status(sim, id));
            sim.call("DetachSecurityGroupFromVpcEndpoint", on(id, "SecurityGroupId", "sg-demo01"));
            assertEquals("Detaching", list(sim, "ListVpcEndpointSecurityGroups", "SecurityGroups", id).get(1)
                    .get("SecurityGroupStatus"));
            Thread.sleep(700);
            assertEquals(List.of(Map.of("SecurityGroupId", "sg-demo02", "SecurityGroupStatus", "Attached")),
                    list(sim, "ListVpcEndpointSecurityGroups", "SecurityGroups", id));
            assertEquals("EndpointMustContainSecurityGroup", sim.code("DetachSecurityGroupFromVpcEndpoint",
                    on(id, "SecurityGroupId", "sg-demo02")), "an Interface endpoint keeps a security group");
            assertEquals("SecurityGroupTypeOnlySingleTypeSupporteded", sim.code("AttachSecurityGroupToVpcEndpoint",
                    on(id, "SecurityGroupId", "sg-enterprise01")));
            assertEquals("SecurityGroupNotFound", sim.code("AttachSecurityGroupToVpcEndpoint",
                    on(id, "SecurityGroupId", "sg-dual01")), "a group of another VPC");
        }
    }

    @Test
    void aZoneAddedIsCreatingThenConnectedAndOneRemovedIsDeletingThenGone() throws Exception {
        try (SimulatorHarness sim = active()) {
            String id = (String) sim.call("CreateVpcEndpoint", create()).get("EndpointId");
            sim.call("AddZoneToVpcEndpoint", on(id, "ZoneId", "cn-hangzhou-i", "VSwitchId", "vsw-demo01i",
                    "ip", "192.168.64.20"));
            List<Map<String, Object>> zones = list(sim, "ListVpcEndpointZones", "Zones", id);
            assertEquals("Creating", zones.get(1).get("ZoneStatus"));
            assertEquals("192.168.64.20", zones.get(1).get("EniIp"));
            Thread.sleep(700);
            assertEquals("Connected", list(sim, "ListVpcEndpointZones", "Zones", id).get(1).get("ZoneStatus"));
            assertEquals("EndpointZoneDuplicated", sim.code("AddZoneToVpcEndpoint", on(id, "ZoneId", "cn-hangzhou-i",
                    "VSwitchId", "vsw-demo01i")));
            assertEquals("VSwitchNotFound", sim.code("AddZoneToVpcEndpoint", on(id, "ZoneId", "cn-hangzhou-k",
                    "VSwitchId", "vsw-nowhere")));
            sim.call("RemoveZoneFromVpcEndpoint", on(id, "ZoneId", "cn-hangzhou-h"));
            assertEquals("Deleting", list(sim, "ListVpcEndpointZones", "Zones", id).get(0).get("ZoneStatus"));
            Thread.sleep(700);
            assertEquals(List.of("cn-hangzhou-i"), list(sim, "ListVpcEndpointZones", "Zones", id).stream()
                    .map(z -> z.get("ZoneId")).toList());
            assertEquals("EndpointZoneNotFound", sim.code("RemoveZoneFromVpcEndpoint", on(id, "ZoneId", "cn-hangzhou-h")));
        }
    }

    @Test
    void attributesChangeAtOnceUnderTheCreatesRulesAndDryRunChangesNothing() throws Exception {
        try (SimulatorHarness sim = active()) {
            String id = (String) sim.call("CreateVpcEndpoint", create("EndpointName", "before")).get("EndpointId");
            assertEquals("DryRunOperation", sim.code("UpdateVpcEndpointAttribute", on(id, "EndpointName", "during",
                    "DryRun", "true")));
            assertEquals("before", sim.call("GetVpcEndpointAttribute", on(id)).get("EndpointName"));
            assertEquals("IllegalParam.EndpointName", sim.code("UpdateVpcEndpointAttribute", on(id, "EndpointName",
                    "9starts-with-a-digit")));
            String token = UUID.randomUUID().toString();
            sim.call("UpdateVpcEndpointAttribute", on(id, "EndpointName", "after", "ZoneAffinityEnabled", "true",
                    "ClientToken", token));
            Map<String, Object> now = sim.call("GetVpcEndpointAttribute", on(id));
            assertEquals("after", now.get("EndpointName"));
            assertEquals(true, now.get("ZoneAffinityEnabled"));
            assertEquals("Active", now.get("EndpointStatus"), "an attribute change leaves the endpoint Active");
            assertEquals("IdempotenceSignatureMismatch", sim.code("UpdateVpcEndpointAttribute", on(id, "EndpointName",
                    "other", "ClientToken", token)));
            assertEquals("EndpointNotFound", sim.code("UpdateVpcEndpointAttribute", on("ep-none", "EndpointName", "x1")));
        }
    }

    @Test
    void anEndpointNotYetActiveRefusesChangesAndADeletedOneIsGone() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfter(Duration.ofMinutes(5))
                .withDeletedAfter(Duration.ofMillis(300)))) {
            String creating = (String) sim.call("CreateVpcEndpoint", create()).get("EndpointId");
            assertEquals("EndpointOperationDenied", sim.code("AttachSecurityGroupToVpcEndpoint",
                    on(creating, "SecurityGroupId", "sg-demo02")));
        }
        try (SimulatorHarness sim = active()) {
            String id = (String) sim.call("CreateVpcEndpoint", create()).get("EndpointId");
            sim.call("DeleteVpcEndpoint", on(id));
            assertEquals("EndpointOperationDenied", sim.code("AddZoneToVpcEndpoint", on(id, "ZoneId", "cn-hangzhou-i",
                    "VSwitchId", "vsw-demo01i")), "Deleting");
            Thread.sleep(700);
            assertEquals("EndpointNotFound", sim.code("GetVpcEndpointAttribute", on(id)));
            assertTrue(sim.admin("GET", "/_simulator/endpoints/" + id, null).statusCode() == 404);
        }
    }
}
