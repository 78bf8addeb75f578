package io.privatelink.provisioner.cloud;

import java.util.List;
import java.util.Map;

/**
 * What the cloud says an endpoint is now: gone (EndpointNotFound), or there with its status and attributes (no
 * RequestId), and, when asked for, its zones and security groups. An observation is an answer; a call that got none
 * fails with a {@link CloudException} instead.
 */
public record Observation(boolean exists, String status, Map<String, Object> attributes, List<ZoneState> zones,
        List<GroupState> securityGroups) {

    public static final String ACTIVE = "Active";
    /** Endpoint statuses on their way elsewhere: no change is asked of the endpoint meanwhile. */
    private static final List<String> IN_TRANSITION = List.of("Creating", "Pending", "Deleting");

    /** A zone of the endpoint as ListVpcEndpointZones shows it. */
    public record ZoneState(String zoneId, String vSwitchId, String ip, String ipv6Address, String status) {

        /** Creating, Deleting, Connecting and Disconnecting are on their way somewhere; Wait and Connected are not. */
        public boolean isSettled() {
            return !List.of("Creating", "Deleting", "Connecting", "Disconnecting").contains(status);
        }
    }

    /** A security group of the endpoint as ListVpcEndpointSecurityGroups shows it. */
    public record GroupState(String securityGroupId, String status) {

        public boolean isSettled() {
            return !"Attaching".equals(status) && !"Detaching".equals(status);
        }
    }

    public Observation {
        // JSON answers hold nulls, which Map.copyOf refuses.
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        zones = zones == null ? null : List.copyOf(zones);
        securityGroups = securityGroups == null ? null : List.copyOf(securityGroups);
    }

    /** The endpoint alone, without its zones and security groups. */
    public Observation(boolean exists, String status, Map<String, Object> attributes) {
        this(exists, status, attributes, null, null);
    }

    public static Observation gone() {
        return new Observation(false, null, Map.of(), List.of(), List.of());
    }

    /** The endpoint's connection as the service's owner left it (ConnectionStatus); null when the cloud tells none. */
    public String connectionStatus() {
        Object status = attributes.get("ConnectionStatus");
        return status == null ? null : status.toString();
    }

    public boolean isActive() {
        return exists && ACTIVE.equals(status);
    }

    /** There, and on its way to another status (being created, pending, being deleted). */
    public boolean isInTransition() {
        return exists && IN_TRANSITION.contains(status);
    }

    /** Active, with every zone and security group where it is going (none being added or removed). */
    public boolean isSettled() {
        return isActive() && (zones == null || zones.stream().allMatch(ZoneState::isSettled))
                && (securityGroups == null || securityGroups.stream().allMatch(GroupState::isSettled));
    }

    public Observation withParts(List<ZoneState> zones, List<GroupState> securityGroups) {
        return new Observation(exists, status, attributes, zones, securityGroups);
    }
}
