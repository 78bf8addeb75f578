package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest.ZoneSpec;
import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.cloud.Observation.GroupState;
import io.privatelink.provisioner.cloud.Observation.ZoneState;

class EndpointDiffTest {

    static Observation seen(Map<String, Object> attributes, List<String> groups, List<String> zones) {
        return new Observation(true, "Active", attributes,
                zones.stream().map(z -> new ZoneState(z, "vsw-" + z, null, null, "Connected")).toList(),
                groups.stream().map(g -> new GroupState(g, "Attached")).toList());
    }

    @Test
    void changesComeAttributesFirstThenGroupsAddedThenRemovedThenZonesAddedThenRemoved() {
        EndpointSpec desired = new EndpointSpec(List.of("sg-2", "sg-3"), List.of(new ZoneSpec("vsw-i", "i", "10.0.0.9",
                null)), "new", "a description", null, true);
        List<EndpointChange> plan = EndpointDiff.plan(desired, seen(Map.of("EndpointName", "old",
                "EndpointDescription", "a description", "ZoneAffinityEnabled", false), List.of("sg-1", "sg-2"),
                List.of("h")));
        assertEquals(List.of(new EndpointChange.Attributes(Map.of("EndpointName", "new", "ZoneAffinityEnabled", "true")),
                new EndpointChange.AttachGroup("sg-3"), new EndpointChange.DetachGroup("sg-1"),
                new EndpointChange.AddZone("i", "vsw-i", "10.0.0.9", null), new EndpointChange.RemoveZone("h")), plan);
    }

    @Test
    void whatTheOwnerNeverSetIsLeftAsTheCloudHasIt() {
        EndpointSpec nothing = new EndpointSpec(null, null, null, null, null, null);
        assertEquals(List.of(), EndpointDiff.plan(nothing, seen(Map.of("EndpointName", "any"), List.of("sg-1"),
                List.of("h"))));
    }

    @Test
    void policiesAreComparedAsJsonNotAsText() {
        EndpointSpec desired = new EndpointSpec(null, null, null, null,
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\"}]}", null);
        assertEquals(List.of(), EndpointDiff.plan(desired, seen(Map.of("PolicyDocument",
                "{ \"Statement\": [ {\"Effect\": \"Allow\"} ], \"Version\": \"1\" }"), List.of(), List.of())));
        assertEquals(1, EndpointDiff.plan(desired, seen(Map.of("PolicyDocument",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\"}]}"), List.of(), List.of())).size());
    }

    @Test
    void theDifferencesAreNamedByStep() {
        EndpointSpec desired = new EndpointSpec(List.of("sg-1"), null, null, null, null, null);
        assertEquals(Map.of("DetachSecurityGroupFromVpcEndpoint sg-9", Map.of("SecurityGroupId", "sg-9"),
                "AttachSecurityGroupToVpcEndpoint sg-1", Map.of("SecurityGroupId", "sg-1")),
                EndpointDiff.differences(desired, seen(Map.of(), List.of("sg-9"), List.of())));
    }
}
