package io.privatelink.provisioner.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest.ZoneSpec;
import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;

/**
 * How an observed endpoint differs from what its owner wants, as the changes that would close the gap, in the order
 * they are made: attributes, security groups added then removed (as Terraform does), zones added then removed (so the
 * endpoint keeps a zone throughout). Attributes the owner never set, and lists it never gave, are left as they are.
 * Zones are told apart by ZoneId.
 */
public final class EndpointDiff {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EndpointDiff() {
    }

    public static List<EndpointChange> plan(EndpointSpec desired, Observation seen) {
        List<EndpointChange> changes = new ArrayList<>();
        Map<String, String> attributes = attributes(desired, seen.attributes());
        if (!attributes.isEmpty()) {
            changes.add(new EndpointChange.Attributes(attributes));
        }
        if (desired.securityGroupId() != null && seen.securityGroups() != null) {
            Set<String> want = new LinkedHashSet<>(desired.securityGroupId());
            Set<String> have = new LinkedHashSet<>();
            seen.securityGroups().forEach(g -> have.add(g.securityGroupId()));
            want.stream().filter(id -> !have.contains(id)).forEach(id -> changes.add(new EndpointChange.AttachGroup(id)));
            have.stream().filter(id -> !want.contains(id)).forEach(id -> changes.add(new EndpointChange.DetachGroup(id)));
        }
        if (desired.zone() != null && seen.zones() != null) {
            Set<String> have = new LinkedHashSet<>();
            seen.zones().forEach(z -> have.add(z.zoneId()));
            Set<String> want = new LinkedHashSet<>();
            for (ZoneSpec z : desired.zone()) {
                want.add(z.zoneId());
                if (!have.contains(z.zoneId())) {
                    changes.add(new EndpointChange.AddZone(z.zoneId(), z.vSwitchId(), z.ip(), z.ipv6Address()));
                }
            }
            have.stream().filter(id -> !want.contains(id)).forEach(id -> changes.add(new EndpointChange.RemoveZone(id)));
        }
        return changes;
    }

    /** The differences as a caller reads them: per attribute or list, what is wanted and what the cloud shows. */
    public static Map<String, Object> differences(EndpointSpec desired, Observation seen) {
        Map<String, Object> differences = new LinkedHashMap<>();
        for (EndpointChange change : plan(desired, seen)) {
            differences.put(change.step(), change.parameters());
        }
        return differences;
    }

    private static Map<String, String> attributes(EndpointSpec desired, Map<String, Object> seen) {
        Map<String, String> changed = new LinkedHashMap<>();
        differs(changed, "EndpointName", desired.endpointName(), seen.get("EndpointName"));
        differs(changed, "EndpointDescription", desired.endpointDescription(), seen.get("EndpointDescription"));
        if (desired.policyDocument() != null && !samePolicy(desired.policyDocument(), seen.get("PolicyDocument"))) {
            changed.put("PolicyDocument", desired.policyDocument());
        }
        differs(changed, "ZoneAffinityEnabled", desired.zoneAffinityEnabled(), seen.get("ZoneAffinityEnabled"));
        return changed;
    }

    private static void differs(Map<String, String> changed, String name, Object want, Object have) {
        if (want != null && (have == null || !Objects.equals(want.toString(), have.toString()))) {
            changed.put(name, want.toString());
        }
    }

    /** Policies compared as JSON: the cloud may answer the same policy with other spacing or key order. */
    private static boolean samePolicy(String want, Object have) {
        if (have == null) {
            return false;
        }
        try {
            JsonNode a = JSON.readTree(want);
            JsonNode b = JSON.readTree(have.toString());
            return a != null && a.equals(b);
        } catch (java.io.IOException e) {
            return want.equals(have.toString());
        }
    }
}
