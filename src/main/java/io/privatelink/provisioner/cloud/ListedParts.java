package io.privatelink.provisioner.cloud;

import java.util.List;
import java.util.Map;

import io.privatelink.provisioner.api.ServiceResource;

/**
 * An endpoint's zones, security groups and connection as the List actions answer them, read into an observation.
 */
final class ListedParts {

    private ListedParts() {
    }

    static Observation.ZoneState zone(Map<String, Object> z) {
        return new Observation.ZoneState(text(z, "ZoneId"), text(z, "VSwitchId"), text(z, "EniIp"),
                text(z, "ZoneIpv6Address"), text(z, "ZoneStatus"));
    }

    /** The first connection of a ListVpcEndpointConnections answer, as an observation; gone when none is listed. */
    @SuppressWarnings("unchecked")
    static Observation connection(Map<String, Object> answer) {
        if (!(answer.get("Connections") instanceof List<?> listed) || listed.isEmpty()) {
            return Observation.gone();
        }
        Map<String, Object> c = (Map<String, Object>) listed.get(0);
        List<Observation.ZoneState> zones = c.get("Zones") instanceof List<?> z
                ? z.stream().map(zone -> zone((Map<String, Object>) zone)).toList() : List.of();
        return new Observation(true, text(c, "ConnectionStatus"), c, zones, null);
    }

    /** A service as Get and its three lists answer it. */
    static ServiceObservation service(Map<String, Object> service, List<Map<String, Object>> resources,
            List<Map<String, Object>> users, List<Map<String, Object>> connections) {
        return new ServiceObservation(true, text(service, "ServiceStatus"), service,
                resources.stream().map(r -> new ServiceResource(text(r, "ResourceId"), text(r, "ResourceType"),
                        text(r, "ZoneId"))).toList(),
                users.stream().map(u -> text(u, "UserId")).filter(java.util.Objects::nonNull).toList(),
                connections.stream().map(c -> new ServiceObservation.Connection(text(c, "EndpointId"),
                        text(c, "EndpointOwnerId"), text(c, "ConnectionStatus"))).toList());
    }

    static Observation.GroupState group(Map<String, Object> g) {
        return new Observation.GroupState(text(g, "SecurityGroupId"), text(g, "SecurityGroupStatus"));
    }

    /** The API answers an absent value as "" as often as it leaves it out. */
    private static String text(Map<String, Object> m, String name) {
        Object value = m.get(name);
        return value == null || "".equals(value) ? null : value.toString();
    }
}
