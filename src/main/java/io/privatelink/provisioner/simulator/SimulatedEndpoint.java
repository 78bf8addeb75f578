package io.privatelink.provisioner.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One endpoint as the simulated cloud keeps it; its status is derived from its age, so it survives restarts. */
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
        Instant createTime,
        String clientToken,
        String requestSignature,
        List<String> zoneIds,
        List<String> securityGroupIds) {

    public String status(Instant now, Duration activeAfter) {
        return now.isBefore(createTime.plus(activeAfter)) ? "Creating" : "Active";
    }

    public String domain() {
        return endpointId + "." + serviceId + "." + regionId + ".privatelink.aliyuncs.com";
    }

    /** The fields CreateVpcEndpoint and GetVpcEndpointAttribute share (section 1.3 and 2.1 of the spec). */
    public Map<String, Object> attributes(Instant now, Duration activeAfter) {
        String status = status(now, activeAfter);
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
        m.put("AddressIpVersion", addressIpVersion);
        m.put("ZoneAffinityEnabled", zoneAffinityEnabled);
        return m;
    }

    private String connectionStatus(String status) {
        if (!autoAccept) {
            return "Disconnected";
        }
        return "Active".equals(status) ? "Connected" : "Connecting";
    }
}
