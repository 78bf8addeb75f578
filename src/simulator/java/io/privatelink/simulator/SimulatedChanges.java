package io.privatelink.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.privatelink.simulator.SimulatedEndpoint.Zone;
import io.privatelink.simulator.SimulatorSeed.Service;
import io.privatelink.simulator.SimulatorSeed.Vpc;

/**
 * The actions that change an endpoint in place (UpdateVpcEndpointAttribute, Attach/DetachSecurityGroup, Add/Remove
 * zone, and its owner's Enable/DisableVpcEndpointConnection), with the rules of the lifecycle spec: the endpoint must
 * be Active (Pending answers EndpointLocked, Creating and Deleting EndpointOperationDenied, a connection on its way
 * EndpointConnectionOperationDenied); a change of zones or security groups takes time, the endpoint Pending and the
 * zone or group in its own state meanwhile; a ClientToken names one change for good (the same request again is
 * answered without doing it twice, another request under it is IdempotenceSignatureMismatch); DryRun checks only.
 */
final class SimulatedChanges {

    private static final Pattern ENDPOINT_NAME = Pattern.compile("[A-Za-z\\p{IsHan}][A-Za-z\\p{IsHan}0-9_-]{1,127}");

    private final SimulatedPrivateLink api;

    SimulatedChanges(SimulatedPrivateLink api) {
        this.api = api;
    }

    /** One change: checked, replayed or applied and journaled. */
    interface Change {
        /** Throws the rule the request breaks; answers the endpoint as the change leaves it. */
        SimulatedEndpoint apply(SimulatedEndpoint endpoint, Instant now);
    }

    Map<String, Object> updateAttribute(Map<String, String> p) {
        return change("UpdateVpcEndpointAttribute", p, (e, now) -> {
            String name = p.getOrDefault("EndpointName", e.endpointName());
            if (p.containsKey("EndpointName") && !ENDPOINT_NAME.matcher(name).matches()) {
                throw SeedErrors.of("IllegalParam.EndpointName");
            }
            String description = p.getOrDefault("EndpointDescription", e.endpointDescription());
            if (p.containsKey("EndpointDescription") && (description.length() < 2 || description.length() > 256
                    || description.startsWith("http://") || description.startsWith("https://"))) {
                throw SeedErrors.of("IllegalParam.EndpointDescription");
            }
            String policy = "true".equalsIgnoreCase(p.get("ResetPolicy")) ? null
                    : p.getOrDefault("PolicyDocument", e.policyDocument());
            if (p.containsKey("PolicyDocument") && Boolean.FALSE.equals(service(e).policySupported())) {
                throw SeedErrors.of("OperationDenied.EndpointPolicyNotSupport");
            }
            boolean affinity = p.containsKey("ZoneAffinityEnabled") ? "true".equalsIgnoreCase(p.get("ZoneAffinityEnabled"))
                    : e.zoneAffinityEnabled();
            return e.changed(name, description, policy, affinity, e.zones(), e.securityGroupIds(), e.groupChanges(),
                    e.pendingUntil(), e.changeTokens());
        });
    }

    Map<String, Object> attachSecurityGroup(Map<String, String> p) {
        return change("AttachSecurityGroupToVpcEndpoint", p, (e, now) -> {
            String id = RpcParameters.required(p, "SecurityGroupId");
            if (e.securityGroupIds().contains(id)) {
                return e;
            }
            if ("GatewayLoadBalancer".equals(e.endpointType())) {
                throw SeedErrors.of("GatewayLoadBalancerNotSupportSecurityGroup");
            }
            List<String> groups = new ArrayList<>(e.securityGroupIds());
            groups.add(id);
            api.rules.securityGroups(groups, e.vpcId(), e.endpointType());
            return groupsChanged(e, groups, id, now);
        });
    }

    Map<String, Object> detachSecurityGroup(Map<String, String> p) {
        return change("DetachSecurityGroupFromVpcEndpoint", p, (e, now) -> {
            String id = RpcParameters.required(p, "SecurityGroupId");
            if (!e.securityGroupIds().contains(id)) {
                throw SeedErrors.of("SecurityGroupNotFound");
            }
            List<String> groups = new ArrayList<>(e.securityGroupIds());
            groups.remove(id);
            api.rules.securityGroups(groups, e.vpcId(), e.endpointType());
            return groupsChanged(e, groups, id, now);
        });
    }

    private SimulatedEndpoint groupsChanged(SimulatedEndpoint e, List<String> groups, String id, Instant now) {
        Instant done = now.plus(api.state.changeTakes());
        Map<String, Instant> changing = new HashMap<>(e.groupChanges());
        changing.values().removeIf(now::isAfter);
        changing.put(id, done);
        return e.changed(e.endpointName(), e.endpointDescription(), e.policyDocument(), e.zoneAffinityEnabled(),
                e.zones(), groups, changing, done, e.changeTokens());
    }

    Map<String, Object> addZone(Map<String, String> p) {
        return change("AddZoneToVpcEndpoint", p, (e, now) -> {
            String zoneId = RpcParameters.required(p, "ZoneId");
            Map<String, String> zone = new LinkedHashMap<>();
            zone.put("ZoneId", zoneId);
            zone.put("VSwitchId", RpcParameters.required(p, "VSwitchId"));
            if (p.get("ip") != null) {
                if (!AddressForms.isIpv4(p.get("ip"))) {
                    throw SeedErrors.of("IllegalParam.Ip");
                }
                zone.put("ip", p.get("ip"));
            }
            boolean dualStack = "DualStack".equals(e.addressIpVersion());
            if (p.get("Ipv6Address") != null) {
                if (!dualStack) {
                    throw SeedErrors.of("OperationDenied.AddressIpVersionNotSupportSpecifyIpv6");
                }
                zone.put("Ipv6Address", p.get("Ipv6Address"));
            }
            List<Zone> present = e.zones().stream().filter(z -> z.removedAt() == null).toList();
            if (present.stream().anyMatch(z -> z.zoneId().equals(zoneId))) {
                throw SeedErrors.of("EndpointZoneDuplicated");
            }
            List<Map<String, String>> all = new ArrayList<>();
            present.forEach(z -> all.add(Map.of("ZoneId", z.zoneId(), "VSwitchId", z.vSwitchId())));
            all.add(zone);
            Vpc vpc = api.seed.vpcs().stream().filter(v -> v.vpcId().equals(e.vpcId())).findFirst()
                    .orElseThrow(() -> SeedErrors.of("VpcNotFound"));
            var vSwitches = api.rules.zones(all, vpc, service(e), e.endpointType(), dualStack);
            Zone added = api.addresses.allocate(List.of(zone), List.of(vSwitches.get(vSwitches.size() - 1)), dualStack, now).get(0);
            Instant done = now.plus(api.state.changeTakes());
            List<Zone> zones = new ArrayList<>(e.zones());
            zones.removeIf(z -> z.zoneId().equals(zoneId));
            zones.add(new Zone(added.zoneId(), added.vSwitchId(), added.eniId(), added.ip(), added.ipv6(), done, null,
                    null));
            return e.changed(e.endpointName(), e.endpointDescription(), e.policyDocument(), e.zoneAffinityEnabled(),
                    zones, e.securityGroupIds(), e.groupChanges(), done, e.changeTokens());
        });
    }

    Map<String, Object> removeZone(Map<String, String> p) {
        return change("RemoveZoneFromVpcEndpoint", p, (e, now) -> {
            String zoneId = RpcParameters.required(p, "ZoneId");
            List<Zone> zones = new ArrayList<>();
            boolean found = false;
            for (Zone z : e.zones()) {
                if (z.zoneId().equals(zoneId) && z.removedAt() == null) {
                    found = true;
                    zones.add(z.removed(now));
                } else {
                    zones.add(z);
                }
            }
            if (!found) {
                throw SeedErrors.of("EndpointZoneNotFound");
            }
            return e.changed(e.endpointName(), e.endpointDescription(), e.policyDocument(), e.zoneAffinityEnabled(),
                    zones, e.securityGroupIds(), e.groupChanges(), now.plus(api.state.changeTakes()), e.changeTokens());
        });
    }

    /**
     * The common course of a change: the endpoint (EndpointNotFound), the ClientToken's replay, the endpoint's state,
     * the action's own rules, DryRun, then the change journaled with its token.
     */
    Map<String, Object> change(String action, Map<String, String> p, Change change) {
        synchronized (api) {
            SimulatedEndpoint endpoint = api.existing(p, false);
            Instant now = api.clock.instant();
            boolean dryRun = "true".equalsIgnoreCase(p.get("DryRun"));
            String token = p.get("ClientToken");
            String signed = RpcParameters.signedChange(p, action);
            if (!dryRun && RpcParameters.replayed(endpoint.changeTokens(), token, signed)) {
                return new LinkedHashMap<>();
            }
            String status = api.state.status(endpoint, now).orElseThrow();
            if ("Pending".equals(status)) {
                throw SeedErrors.of("EndpointLocked");
            }
            if (!"Active".equals(status)) {
                throw SeedErrors.of("EndpointOperationDenied", endpoint.endpointId(), status);
            }
            if (endpoint.connectionChanging(now)) {
                throw SeedErrors.of("EndpointConnectionOperationDenied");
            }
            SimulatedEndpoint changed = change.apply(endpoint, now);
            if (dryRun) {
                throw SeedErrors.of("DryRunOperation");
            }
            if (token != null) {
                List<String> tokens = new ArrayList<>(changed.changeTokens());
                tokens.add(signed);
                changed = changed.changed(changed.endpointName(), changed.endpointDescription(),
                        changed.policyDocument(), changed.zoneAffinityEnabled(), changed.zones(),
                        changed.securityGroupIds(), changed.groupChanges(), changed.pendingUntil(), tokens);
            }
            api.state.put(changed);
            return new LinkedHashMap<>();
        }
    }

    private Service service(SimulatedEndpoint e) {
        return api.rules.serviceOf(e.serviceId());
    }
}
