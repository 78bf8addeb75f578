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
        Instant deleteTime) {

    /** An endpoint's network interface in one zone. */
    public record Zone(String zoneId, String vSwitchId, String eniId, String ip, String ipv6) {
    }

    public record Tag(String key, String value) {
    }

    public SimulatedEndpoint deleted(Instant at) {
        return new SimulatedEndpoint(endpointId, regionId, vpcId, serviceId, serviceName, endpointName,
                endpointDescription, endpointType, addressIpVersion, zoneAffinityEnabled, autoAccept, resourceGroupId,
                policyDocument, protectedEnabled, createTime, clientToken, requestSignature, zones, securityGroupIds,
                tags, stuck, at);
    }

    public String domain() {
        return endpointId + "." + serviceId + "." + regionId + ".privatelink.aliyuncs.com";
    }

    /** The fields GetVpcEndpointAttribute answers (section 2.1 of the spec) for the given lifecycle status. */
    public Map<String, Object> attributes(String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("EndpointId", endpointId);
        m.put("EndpointName", endpointName == null ? "" : endpointName);
        m.put("EndpointDescription", endpointDescription == null ? "" : endpointDescription);
        m.put("EndpointDomain", domain());
        m.put("EndpointStatus", status);
        m.put("EndpointBusinessStatus", "Normal");
        m.put("ConnectionStatus", connectionStatus(status));
        m.put("EndpointType", endpointType);
        m.put("Bandwidth", 1024);
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

    /** Acceptance by the service side: auto-accepting services connect once the endpoint is Active. */
    public String connectionStatus(String status) {
        return switch (status) {
            case "Deleting" -> "Deleting";
            case "Active" -> autoAccept ? "Connected" : "Disconnected";
            default -> autoAccept ? "Connecting" : "Disconnected";
        };
    }

    public String zoneStatus(String status) {
        return switch (status) {
            case "Deleting" -> "Deleting";
            case "Active" -> autoAccept ? "Connected" : "Wait";
            default -> "Creating";
        };
    }
}
