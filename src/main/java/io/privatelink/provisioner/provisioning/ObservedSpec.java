package io.privatelink.provisioner.provisioning;

import java.util.LinkedHashMap;
import java.util.Map;

import io.privatelink.provisioner.api.CreateVpcEndpointRequest.ZoneSpec;
import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.cloud.Observation;

/** An observed endpoint as a spec (what an adopted endpoint is wanted to stay) and as the view the caller reads. */
final class ObservedSpec {

    private ObservedSpec() {
    }

    /** The endpoint as it is, in the attributes that can change in place. */
    static EndpointSpec of(Observation seen) {
        Map<String, Object> a = seen.attributes();
        return new EndpointSpec(
                seen.securityGroups() == null ? null
                        : seen.securityGroups().stream().map(Observation.GroupState::securityGroupId).toList(),
                seen.zones() == null ? null : seen.zones().stream()
                        .map(z -> new ZoneSpec(z.vSwitchId(), z.zoneId(), z.ip(), z.ipv6Address())).toList(),
                text(a.get("EndpointName")), text(a.get("EndpointDescription")), text(a.get("PolicyDocument")),
                a.get("ZoneAffinityEnabled") instanceof Boolean b ? b : null);
    }

    /** The cloud's attributes with the security groups and zones beside them, each with its status. */
    static Map<String, Object> view(Observation seen) {
        Map<String, Object> view = new LinkedHashMap<>(seen.attributes());
        if (seen.securityGroups() != null) {
            view.put("SecurityGroups", seen.securityGroups().stream().map(g -> Map.of("SecurityGroupId",
                    g.securityGroupId(), "SecurityGroupStatus", String.valueOf(g.status()))).toList());
        }
        if (seen.zones() != null) {
            view.put("Zones", seen.zones().stream().map(z -> {
                Map<String, Object> zone = new LinkedHashMap<>();
                zone.put("ZoneId", z.zoneId());
                zone.put("VSwitchId", z.vSwitchId());
                zone.put("EniIp", z.ip());
                zone.put("ZoneIpv6Address", z.ipv6Address());
                zone.put("ZoneStatus", z.status());
                return zone;
            }).toList());
        }
        return view;
    }

    private static String text(Object value) {
        return value == null || "".equals(value) ? null : value.toString();
    }
}
