package io.privatelink.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint as the simulated cloud keeps it. Its status is derived from its clocks (created, deleted) rather than
 * stored, as moto's managed-state helper does, so it moves on by itself and survives restarts.
 */
public record SimulatedEndpoint(
        String endpointId,
        String regionId,
        String vpcId,
        String serviceId,
        String serviceName,
        String endpointName,
        String endpointDescription,
        String endpointType,
        String addressIpVersion,
        boolean zoneAffinityEnabled,
        boolean autoAccept,
        String resourceGroupId,
        String policyDocument,
        boolean protectedEnabled,
        Instant createTime,
        String clientToken,
        String requestSignature,
        List<Zone> zones,
        List<String> securityGroupIds,
        List<Tag> tags,
        boolean stuck,
        Instant deleteTime,
        /** Pending (being modified) until then; null or past: no change under way. */
        Instant pendingUntil,
        /** Security groups being attached (in securityGroupIds) or detached (not in it), until when. */
        Map<String, Instant> groupChanges,
        /** The ClientTokens of the changes made to it, each with its request's signature ("token=signature"). */
        List<String> changeTokens,
        /** The service owner's last decision on its connection; null: none yet (the service's AutoAccept decides). */
        Connection connection) {

    public SimulatedEndpoint {
        zones = zones == null ? List.of() : List.copyOf(zones);
        securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        groupChanges = groupChanges == null ? Map.of() : Map.copyOf(groupChanges);
        changeTokens = changeTokens == null ? List.of() : List.copyOf(changeTokens);
    }

    /**
     * An endpoint's network interface in one zone; Creating until {@code readyAt}, Deleting from {@code removedAt}
     * (both null for a zone made with the endpoint and still there); {@code connection}: the owner's decision on this
     * zone alone (Enable/DisableVpcEndpointZoneConnection), null while it follows the endpoint's connection.
     */
    public record Zone(String zoneId, String vSwitchId, String eniId, String ip, String ipv6, Instant readyAt,
            Instant removedAt, Connection connection) {

        public Zone(String zoneId, String vSwitchId, String eniId, String ip, String ipv6) {
            this(zoneId, vSwitchId, eniId, ip, ipv6, null, null, null);
        }

        Zone removed(Instant at) {
            return new Zone(zoneId, vSwitchId, eniId, ip, ipv6, readyAt, at, connection);
        }

        Zone decided(Connection decision) {
            return new Zone(zoneId, vSwitchId, eniId, ip, ipv6, readyAt, removedAt, decision);
        }
    }

    public record Tag(String key, String value) {
    }

    /**
     * What the service's side made of the connection: accepted (EnableVpcEndpointConnection), rejected
     * (DisableVpcEndpointConnection), each on its way (Connecting, Disconnecting) until {@code settledAt}; or the
     * service deleted under it.
     */
    public record Connection(String decision, Instant settledAt, Integer bandwidth) {

        public static final String ACCEPTED = "Accepted";
        public static final String REJECTED = "Rejected";
        public static final String SERVICE_DELETED = "ServiceDeleted";

        boolean settling(Instant now) {
            return now.isBefore(settledAt);
        }
    }

    public SimulatedEndpoint deleted(Instant at) {
        return new SimulatedEndpoint(endpointId, regionId, vpcId, serviceId, serviceName, endpointName,
                endpointDescription, endpointType, addressIpVersion, zoneAffinityEnabled, autoAccept, resourceGroupId,
                policyDocument, protectedEnabled, createTime, clientToken, requestSignature, zones, securityGroupIds,
                tags, stuck, at, pendingUntil, groupChanges, changeTokens, connection);
    }

    /** The endpoint after its owner's decision on the connection. */
    public SimulatedEndpoint withConnection(Connection decided) {
        return new SimulatedEndpoint(endpointId, regionId, vpcId, serviceId, serviceName, endpointName,
                endpointDescription, endpointType, addressIpVersion, zoneAffinityEnabled, autoAccept, resourceGroupId,
                policyDocument, protectedEnabled, createTime, clientToken, requestSignature, zones, securityGroupIds,
                tags, stuck, deleteTime, pendingUntil, groupChanges, changeTokens, decided);
    }

    /** The endpoint after a change of its attributes, zones or security groups. */
    public SimulatedEndpoint changed(String name, String description, String policy, boolean zoneAffinity,
            List<Zone> newZones, List<String> groups, Map<String, Instant> groupsChanging, Instant pending,
            List<String> tokens) {
        return new SimulatedEndpoint(endpointId, regionId, vpcId, serviceId, serviceName, name, description,
                endpointType, addressIpVersion, zoneAffinity, autoAccept, resourceGroupId, policy, protectedEnabled,
                createTime, clientToken, requestSignature, newZones, groups, tags, stuck, deleteTime, pending,
                groupsChanging, tokens, connection);
    }

    public String domain() {
        return endpointId + "." + serviceId + "." + regionId + ".privatelink.aliyuncs.com";
    }

    /** The fields GetVpcEndpointAttribute answers (section 2.1 of the spec) for the given lifecycle status. */
    public Map<String, Object> attributes(String status, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EndpointId", endpointId);
        m.put("EndpointName", endpointName == null ? "" : endpointName);
        m.put("EndpointDescription", endpointDescription == null ? "" : endpointDescription);
        m.put("EndpointDomain", domain());
        m.put("EndpointStatus", status);
        m.put("EndpointBusinessStatus", "Normal");
        m.put("ConnectionStatus", connectionStatus(status, now));
        m.put("EndpointType", endpointType);
        m.put("Bandwidth", bandwidth());
        m.put("CreateTime", createTime.toString());
        m.put("VpcId", vpcId);
        m.put("RegionId", regionId);
        m.put("ServiceId", serviceId);
        m.put("ServiceName", serviceName);
        m.put("ServiceRegionId", regionId);
        m.put("ResourceGroupId", resourceGroupId == null ? "rg-default" : resourceGroupId);
        m.put("AddressIpVersion", addressIpVersion);
        m.put("ZoneAffinityEnabled", zoneAffinityEnabled);
        m.put("ProtectedEnabled", protectedEnabled);
        if (policyDocument != null) {
            m.put("PolicyDocument", policyDocument);
        }
        return m;
    }

    /** The connection's bandwidth in Mbit/s: the owner's, once given on an acceptance, else the default. */
    public int bandwidth() {
        return connection == null || connection.bandwidth() == null ? 1024 : connection.bandwidth();
    }

    /**
     * The connection: an owner's decision once made (settling first), else the service's AutoAccept (an
     * auto-accepting service connects once the endpoint is Active; any other leaves it Disconnected, waiting).
     */
    public String connectionStatus(String status, Instant now) {
        return switch (status) {
            case "Deleting" -> "Deleting";
            case "Active", "Pending" -> connection == null ? autoAccept ? "Connected" : "Disconnected"
                    : switch (connection.decision()) {
                        case Connection.ACCEPTED -> connection.settling(now) ? "Connecting" : "Connected";
                        case Connection.REJECTED -> connection.settling(now) ? "Disconnecting" : "Disconnected";
                        default -> Connection.SERVICE_DELETED;
                    };
            default -> autoAccept ? "Connecting" : "Disconnected";
        };
    }

    /** A zone follows its endpoint's connection; one that no owner has decided on waits (Wait). */
    public String zoneStatus(String status, Instant now) {
        return switch (status) {
            case "Deleting" -> "Deleting";
            case "Active", "Pending" -> {
                String connected = connectionStatus(status, now);
                yield "Disconnected".equals(connected) && connection == null ? "Wait"
                        : Connection.SERVICE_DELETED.equals(connected) ? "Disconnected" : connected;
            }
            default -> "Creating";
        };
    }

    /** Whether the owner's decision is still on its way: connection and endpoint writes are refused meanwhile. */
    public boolean connectionChanging(Instant now) {
        return connection != null && connection.settling(now);
    }

    /** A zone's own status now: its change under way, else the endpoint's; empty once a removed zone is gone. */
    public java.util.Optional<String> zoneStatus(Zone zone, String status, Instant now, java.time.Duration takes) {
        if (zone.removedAt() != null) {
            return now.isBefore(zone.removedAt().plus(takes)) ? java.util.Optional.of("Deleting")
                    : java.util.Optional.empty();
        }
        if (zone.readyAt() != null && now.isBefore(zone.readyAt())) {
            return java.util.Optional.of("Creating");
        }
        String followed = zoneStatus(status, now);
        // A zone decided on its own moves apart from a connection that is Connected; any other moves it with it.
        if (zone.connection() == null || !"Connected".equals(followed)) {
            return java.util.Optional.of(followed);
        }
        boolean accepted = Connection.ACCEPTED.equals(zone.connection().decision());
        return java.util.Optional.of(zone.connection().settling(now) ? accepted ? "Connecting" : "Disconnecting"
                : accepted ? "Connected" : "Disconnected");
    }

    /** The endpoint with one zone as {@code change} leaves it. */
    public SimulatedEndpoint withZone(String zoneId, java.util.function.UnaryOperator<Zone> change) {
        return new SimulatedEndpoint(endpointId, regionId, vpcId, serviceId, serviceName, endpointName,
                endpointDescription, endpointType, addressIpVersion, zoneAffinityEnabled, autoAccept, resourceGroupId,
                policyDocument, protectedEnabled, createTime, clientToken, requestSignature, zones.stream()
                        .map(z -> z.zoneId().equals(zoneId) && z.removedAt() == null ? change.apply(z) : z).toList(),
                securityGroupIds, tags, stuck, deleteTime, pendingUntil, groupChanges, changeTokens, connection);
    }

    /** Whether a change is under way: the endpoint Pending, or a zone or security group on its way. */
    public boolean changing(Instant now) {
        return pendingUntil != null && now.isBefore(pendingUntil);
    }
}
