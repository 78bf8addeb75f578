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
 * The owner's endpoint services through the real SDK: made, read, listed, changed, their resources and allowed
 * accounts, deleted (their endpoints ServiceDeleted), with ClientToken, DryRun and the service's own state rules.
 */
class SimulatorServicesTest {

    private static final String B = "2345678901234567";

    private static Map<String, String> service(String serviceId, String... extra) {
        Map<String, String> p = params("RegionId", "cn-hangzhou", "ServiceId", serviceId);
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        return p;
    }

    /** demo-b's session, through STS (whose sessions a restart forgets). */
    private static DefaultAcsClient demoB(SimulatorHarness sim) throws Exception {
        return SimulatorStsTest.session(SimulatorStsTest.assume(sim, Map.of("RoleArn",
                "acs:ram::" + B + ":role/privatelink-provisioner", "RoleSessionName", "demo-b")));
    }

    private static String status(SimulatorHarness sim, String serviceId) throws Exception {
        return (String) sim.call("GetVpcEndpointServiceAttribute", service(serviceId)).get("ServiceStatus");
    }

    private static void awaitStatus(SimulatorHarness sim, String serviceId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> status.equals(status(sim, serviceId)));
    }

    @Test
    void aServiceIsMadeChangedSharedAndDeletedByItsOwner() throws Exception {
        // Long enough that the checks of a state between two calls hold on a busy machine.
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfter(Duration.ofMillis(1500))
                .withDeletedAfter(Duration.ofMillis(1500)))) {
            Map<String, String> request = params("RegionId", "cn-hangzhou", "ServiceResourceType", "nlb",
                    "Resource.1.ResourceId", "nlb-orders", "Resource.1.ResourceType", "nlb",
                    "Resource.1.ZoneId", "cn-hangzhou-h", "ServiceDescription", "orders", "ClientToken", "svc-1");
            assertEquals("EndpointServiceNotSupportedZone", sim.code("CreateVpcEndpointService",
                    params("RegionId", "cn-hangzhou", "Resource.1.ResourceId", "nlb-x", "Resource.1.ResourceType",
                            "nlb", "Resource.1.ZoneId", "cn-beijing-a")));
            assertEquals("MissingParam.ZoneId", sim.code("CreateVpcEndpointService", params("RegionId",
                    "cn-hangzhou", "Resource.1.ResourceId", "nlb-x", "Resource.1.ResourceType", "nlb")));
            Map<String, String> dry = new java.util.HashMap<>(request);
            dry.put("DryRun", "true");
            assertEquals("DryRunOperation", sim.code("CreateVpcEndpointService", dry));
            Map<String, Object> made = sim.call("CreateVpcEndpointService", request);
            String id = (String) made.get("ServiceId");
            assertEquals(List.of("Creating", false, "orders"), List.of(made.get("ServiceStatus"),
                    made.get("AutoAcceptEnabled"), made.get("ServiceDescription")));
            assertEquals(id, sim.call("CreateVpcEndpointService", request).get("ServiceId"), "the same token again");
            request.put("ServiceDescription", "other");
            assertEquals("IdempotenceSignatureMismatch", sim.code("CreateVpcEndpointService", request));
            assertEquals("EndpointServiceOperationDenied", sim.code("UpdateVpcEndpointServiceAttribute",
                    service(id, "AutoAcceptEnabled", "true")), "not Active yet");
            awaitStatus(sim, id, "Active");
            assertEquals(List.of("cn-hangzhou-h"), sim.call("GetVpcEndpointServiceAttribute", service(id))
                    .get("Zones"));

            sim.call("UpdateVpcEndpointServiceAttribute", service(id, "AutoAcceptEnabled", "true",
                    "ConnectBandwidth", "2048"));
            Map<String, Object> updated = sim.call("GetVpcEndpointServiceAttribute", service(id));
            assertEquals(List.of(true, 2048), List.of(updated.get("AutoAcceptEnabled"), updated.get("ConnectBandwidth")));
            assertEquals("InvalidParameter", sim.code("UpdateVpcEndpointServiceAttribute",
                    service(id, "ConnectBandwidth", "99")));

            sim.call("AttachResourceToVpcEndpointService", service(id, "ResourceId", "nlb-orders2", "ResourceType",
                    "nlb", "ZoneId", "cn-hangzhou-i"));
            assertEquals("Pending", status(sim, id));
            assertEquals("EndpointServiceLocked", sim.code("AddUserToVpcEndpointService", service(id, "UserId", B)));
            awaitStatus(sim, id, "Active");
            assertEquals("EndpointServiceResourceExist", sim.code("AttachResourceToVpcEndpointService",
                    service(id, "ResourceId", "nlb-orders2", "ResourceType", "nlb", "ZoneId", "cn-hangzhou-i")));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> resources = (List<Map<String, Object>>) sim.call(
                    "ListVpcEndpointServiceResources", service(id)).get("Resources");
            assertEquals(List.of("nlb-orders", "nlb-orders2"), resources.stream().map(r -> r.get("ResourceId")).toList());

            assertEquals("Mismatch.UserIdAndUserArn", sim.code("AddUserToVpcEndpointService",
                    service(id, "UserId", B, "UserARN", "acs:ram:*:1111:*")));
            sim.call("AddUserToVpcEndpointService", service(id, "UserARN", "acs:ram:*:" + B + ":*"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> users = (List<Map<String, Object>>) sim.call("ListVpcEndpointServiceUsers",
                    service(id)).get("Users");
            assertEquals(List.of(1234567890123456L, Long.parseLong(B)), users.stream().map(u -> u.get("UserId"))
                    .toList(), "the owner, then the account added");

            DefaultAcsClient b = demoB(sim);
            Map<String, String> inB = create("VpcId", "vpc-demob01", "ServiceId", id, "SecurityGroupId.1",
                    "sg-demob01", "Zone.1.VSwitchId", "vsw-demob01h");
            String endpointId = SimulatorStsTest.call(b, SimulatorStsTest.request(sim, PrivateLinkSimulator.VERSION,
                    "CreateVpcEndpoint", inB)).get("EndpointId").asText();
            assertEquals("EndpointServiceNotFound", SimulatorStsTest.code(b, SimulatorStsTest.request(sim,
                    PrivateLinkSimulator.VERSION, "GetVpcEndpointServiceAttribute", service(id))), "the owner's only");
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "Connected".equals(SimulatorStsTest.call(b,
                    SimulatorStsTest.request(sim, PrivateLinkSimulator.VERSION, "GetVpcEndpointAttribute",
                            params("RegionId", "cn-hangzhou", "EndpointId", endpointId)))
                    .get("ConnectionStatus").asText()));
            assertEquals("EndpointServiceConnectionDependence", sim.code("DeleteVpcEndpointService", service(id)));

            sim.call("RemoveUserFromVpcEndpointService", service(id, "UserId", B));
            assertEquals("EndpointServiceNotAuthorized", SimulatorStsTest.code(b, SimulatorStsTest.request(sim,
                    PrivateLinkSimulator.VERSION, "CreateVpcEndpoint", create("VpcId", "vpc-demob01", "ServiceId",
                            id, "SecurityGroupId.1", "sg-demob01", "Zone.1.VSwitchId", "vsw-demob01h"))));

            sim.restart();
            assertEquals("Active", status(sim, id), "kept across a restart");
            DefaultAcsClient again = demoB(sim);
            assertEquals(200, sim.admin("POST", "/_simulator/services/" + id + "/delete", null).statusCode());
            assertEquals("ServiceDeleted", SimulatorStsTest.call(again, SimulatorStsTest.request(sim,
                    PrivateLinkSimulator.VERSION, "GetVpcEndpointAttribute", params("RegionId", "cn-hangzhou",
                            "EndpointId", endpointId))).get("ConnectionStatus").asText());
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "EndpointServiceNotFound".equals(
                    sim.code("GetVpcEndpointServiceAttribute", service(id))));
            assertEquals("EndpointServiceDeleted", sim.code("CreateVpcEndpoint", create("ServiceId", id)));
        }
    }

    @Test
    void aServiceWithResourcesOrAnotherAccountsIsNotDeletedAndAnEmptyOneIs() throws Exception {
        try (SimulatorHarness sim = new SimulatorHarness(s -> s.withActiveAfter(Duration.ZERO)
                .withDeletedAfter(Duration.ofMillis(1500)))) {
            String id = (String) sim.call("CreateVpcEndpointService", params("RegionId", "cn-hangzhou",
                    "Resource.1.ResourceId", "lb-one", "Resource.1.ResourceType", "slb")).get("ServiceId");
            assertEquals("EndpointServiceDependenceViolation", sim.code("DeleteVpcEndpointService", service(id)));
            sim.call("DetachResourceFromVpcEndpointService", service(id, "ResourceId", "lb-one"));
            awaitStatus(sim, id, "Active");
            assertEquals("EndpointServiceNotFound", sim.code("DeleteVpcEndpointService", service("epsrv-demob01")),
                    "demo-b's service");
            sim.call("DeleteVpcEndpointService", service(id, "ClientToken", "delete-1"));
            assertEquals("Deleting", status(sim, id));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> listed = (List<Map<String, Object>>) sim.call("ListVpcEndpointServices",
                    params("RegionId", "cn-hangzhou", "ServiceId", id)).get("Services");
            assertEquals(1, listed.size());
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> "EndpointServiceNotFound".equals(
                    sim.code("GetVpcEndpointServiceAttribute", service(id))));
        }
    }
}
