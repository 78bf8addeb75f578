package io.privatelink.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.privatelink.simulator.SimulatedEndpoint.Zone;
import io.privatelink.simulator.SimulatorSeed.Service;
import io.privatelink.simulator.SimulatorSeed.VSwitch;
import io.privatelink.simulator.SimulatorSeed.Vpc;

/**
 * The PrivateLink actions of the simulated cloud over the seeded resources and the endpoint state. CreateVpcEndpoint
 * runs its checks in the order a request meets them (form, idempotency, resources, quotas, addresses, DryRun) and
 * answers the seed page's codes when their conditions hold.
 */
final class SimulatedPrivateLink {

    final SimulatorSeed seed;
    final SimulatorState state;
    final Clock clock;
    final CreateRules rules;
    final EniAddresses addresses;
    private final ResourceIds ids = new ResourceIds();
    private final Set<String> inFlightTokens = new HashSet<>();

    SimulatedPrivateLink(SimulatorSeed seed, SimulatorState state, Clock clock, ServiceDirectory directory) {
        this.seed = seed;
        this.state = state;
        this.clock = clock;
        this.rules = new CreateRules(seed, state, directory);
        this.addresses = new EniAddresses(state, ids);
    }

    /** Marks a ClientToken's first request as under way; a second one meanwhile gets IdempotenceProcessing. */
    synchronized void begin(String clientToken) {
        if (clientToken != null && !inFlightTokens.add(clientToken)) {
            throw SeedErrors.of("IdempotenceProcessing");
        }
    }

    synchronized void end(String clientToken) {
        if (clientToken != null) {
            inFlightTokens.remove(clientToken);
        }
    }

    synchronized Map<String, Object> createVpcEndpoint(Map<String, String> p, boolean stuck) {
        String regionId = RpcParameters.required(p, "RegionId");
        String vpcId = RpcParameters.required(p, "VpcId");
        String endpointType = p.getOrDefault("EndpointType", "Interface");
        String ipVersion = p.getOrDefault("AddressIpVersion", "IPv4");
        boolean dualStack = "DualStack".equals(ipVersion);
        boolean dryRun = "true".equalsIgnoreCase(p.get("DryRun"));
        List<Map<String, String>> zoneParams = RpcParameters.indexedObjects(p, "Zone.");
        List<String> groupIds = RpcParameters.indexed(p, "SecurityGroupId.");

        CreateRules.form(p, endpointType, ipVersion, dualStack, zoneParams, groupIds);

        String clientToken = p.get("ClientToken");
        String signature = RpcParameters.requestSignature(p);
        if (!dryRun) {
            var replay = state.byClientToken(clientToken);
            if (replay.isPresent()) {
                if (!replay.get().requestSignature().equals(signature)) {
                    throw SeedErrors.of("IdempotenceSignatureMismatch");
                }
                return createResponse(replay.get());
            }
        }

        Instant now = clock.instant();
        Vpc vpc = seed.vpcs().stream().filter(v -> v.vpcId().equals(vpcId) && v.regionId().equals(regionId))
                .findFirst().orElseThrow(() -> SeedErrors.of("VpcNotFound"));
        Service service = rules.service(p, regionId, vpcId, endpointType, dualStack, now);
        List<VSwitch> vSwitches = rules.zones(zoneParams, vpc, service, endpointType, dualStack);
        rules.securityGroups(groupIds, vpcId, endpointType);
        rules.quotas(vpcId, now);
        List<Zone> zones = addresses.allocate(zoneParams, vSwitches, dualStack, now);

        if (dryRun) {
            throw SeedErrors.of("DryRunOperation");
        }
        List<SimulatedEndpoint.Tag> tags = RpcParameters.indexedObjects(p, "Tag.").stream()
                .map(t -> new SimulatedEndpoint.Tag(t.get("Key"), t.getOrDefault("Value", ""))).toList();
        SimulatedEndpoint endpoint = new SimulatedEndpoint(ids.next("ep-"), regionId, vpcId, service.serviceId(),
                service.serviceName(), p.get("EndpointName"), p.get("EndpointDescription"), endpointType, ipVersion,
                "true".equalsIgnoreCase(p.get("ZoneAffinityEnabled")), service.autoAcceptEnabled(),
                p.get("ResourceGroupId"), p.get("PolicyDocument"), "true".equalsIgnoreCase(p.get("ProtectedEnabled")),
                now.truncatedTo(ChronoUnit.SECONDS), clientToken, signature, zones, groupIds, tags, stuck, null, null,
                null, null, null);
        state.put(endpoint);
        return createResponse(endpoint);
    }

    synchronized Map<String, Object> getVpcEndpointAttribute(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, true);
        Instant now = clock.instant();
        Map<String, Object> body = endpoint.attributes(state.status(endpoint, now).orElseThrow(), now);
        body.put("ResourceOwner", true);
        body.put("Payer", "Endpoint");
        body.put("ZonePrivateIpAddressCount", 1);
        return body;
    }

    synchronized Map<String, Object> listVpcEndpoints(Map<String, String> p) {
        String regionId = RpcParameters.required(p, "RegionId");
        int maxResults = Pages.maxResults(p, 50, 1000);
        Instant now = clock.instant();
        Map<String, String> tagFilter = new LinkedHashMap<>();
        RpcParameters.indexedObjects(p, "Tag.").forEach(t -> tagFilter.put(t.get("Key"), t.get("Value")));
        Predicate<SimulatedEndpoint> matches = e -> e.regionId().equals(regionId)
                && RpcParameters.eq(p, "EndpointId", e.endpointId()) && RpcParameters.eq(p, "EndpointName", e.endpointName())
                && RpcParameters.eq(p, "EndpointStatus", state.status(e, now).orElse(""))
                && RpcParameters.eq(p, "ConnectionStatus", e.connectionStatus(state.status(e, now).orElse(""), now))
                && RpcParameters.eq(p, "EndpointType", e.endpointType()) && RpcParameters.eq(p, "AddressIpVersion", e.addressIpVersion())
                && RpcParameters.eq(p, "VpcId", e.vpcId()) && RpcParameters.eq(p, "ServiceName", e.serviceName())
                && RpcParameters.eq(p, "ServiceRegionId", e.regionId())
                && RpcParameters.eq(p, "ResourceGroupId", e.resourceGroupId() == null ? "rg-default" : e.resourceGroupId())
                && tagFilter.entrySet().stream().allMatch(f -> e.tags().stream().anyMatch(t -> t.key().equals(f.getKey())
                        && (f.getValue() == null || f.getValue().equals(t.value()))));
        List<SimulatedEndpoint> all = state.existing(now).stream().filter(matches).toList();
        int start = Pages.pageStart(p, all.stream().map(SimulatedEndpoint::endpointId).toList());
        List<SimulatedEndpoint> page = all.subList(start, Math.min(all.size(), start + maxResults));
        List<Map<String, Object>> items = new ArrayList<>();
        for (SimulatedEndpoint e : page) {
            Map<String, Object> item = e.attributes(state.status(e, now).orElseThrow(), now);
            item.put("ResourceOwner", true);
            item.put("Tags", e.tags().stream().map(t -> Map.of("Key", t.key(), "Value", t.value())).toList());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaxResults", maxResults);
        body.put("NextToken", start + maxResults < all.size() ? all.get(start + maxResults).endpointId() : "");
        body.put("TotalCount", all.size());
        body.put("Endpoints", items);
        return body;
    }

    synchronized Map<String, Object> deleteVpcEndpoint(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, false);
        Instant now = clock.instant();
        String status = state.status(endpoint, now).orElseThrow();
        if (!"Active".equals(status) && !"Deleting".equals(status)) {
            throw SeedErrors.of("EndpointOperationDenied", endpoint.endpointId(), status);
        }
        if ("true".equalsIgnoreCase(p.get("DryRun"))) {
            throw SeedErrors.of("DryRunOperation");
        }
        if (endpoint.deleteTime() == null) {
            state.put(endpoint.deleted(now));
        }
        return new LinkedHashMap<>();
    }

    synchronized Map<String, Object> listVpcEndpointZones(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, false);
        String status = state.status(endpoint, clock.instant()).orElseThrow();
        List<Map<String, Object>> zones = new ArrayList<>();
        Instant now = clock.instant();
        for (Zone z : endpoint.zones()) {
            var zoneStatus = endpoint.zoneStatus(z, status, now, state.changeTakes());
            if (zoneStatus.isEmpty()) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ZoneId", z.zoneId());
            m.put("VSwitchId", z.vSwitchId());
            m.put("EniId", z.eniId());
            m.put("EniIp", z.ip());
            m.put("ZoneIpv6Address", z.ipv6() == null ? "" : z.ipv6());
            m.put("ZoneDomain", z.zoneId() + "-" + endpoint.domain());
            m.put("ZoneStatus", zoneStatus.get());
            m.put("RegionId", endpoint.regionId());
            zones.add(m);
        }
        return Pages.page(p, zones, "Zones");
    }

    synchronized Map<String, Object> listVpcEndpointSecurityGroups(Map<String, String> p) {
        SimulatedEndpoint endpoint = existing(p, false);
        Instant now = clock.instant();
        List<Map<String, Object>> groups = new ArrayList<>();
        for (String id : endpoint.securityGroupIds()) {
            Instant until = endpoint.groupChanges().get(id);
            groups.add(Map.of("SecurityGroupId", id, "SecurityGroupStatus",
                    until != null && now.isBefore(until) ? "Attaching" : "Attached"));
        }
        endpoint.groupChanges().forEach((id, until) -> {
            if (!endpoint.securityGroupIds().contains(id) && now.isBefore(until)) {
                groups.add(Map.of("SecurityGroupId", id, "SecurityGroupStatus", "Detaching"));
            }
        });
        return Pages.page(p, groups, "SecurityGroups");
    }

    /** The endpoint a request names by RegionId and EndpointId; a poll counts toward a polls-based lifecycle. */
    SimulatedEndpoint existing(Map<String, String> p, boolean poll) {
        String regionId = RpcParameters.required(p, "RegionId");
        String endpointId = RpcParameters.required(p, "EndpointId");
        Instant now = clock.instant();
        return (poll ? state.poll(endpointId, now) : state.existing(endpointId, now))
                .filter(e -> e.regionId().equals(regionId))
                .orElseThrow(() -> SeedErrors.of("EndpointNotFound"));
    }

    private Map<String, Object> createResponse(SimulatedEndpoint endpoint) {
        Instant now = clock.instant();
        Map<String, Object> body = endpoint.attributes(state.status(endpoint, now).orElse("Deleting"), now);
        body.remove("EndpointType");
        body.remove("RegionId");
        body.remove("ResourceGroupId");
        body.remove("PolicyDocument");
        body.remove("ProtectedEnabled");
        return body;
    }


}
