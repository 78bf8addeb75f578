package io.privatelink.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.privatelink.simulator.SimulatedEndpoint.Connection;
import io.privatelink.simulator.SimulatorSeed.Service;

/**
 * The service owner's side of connections, across accounts: EnableVpcEndpointConnection (accept: Connecting, then
 * Connected), DisableVpcEndpointConnection (reject: Disconnecting, then Disconnected, still listed) and
 * ListVpcEndpointConnections over the endpoints of every account that connect to a service the caller owns;
 * UpdateVpcEndpointConnectionAttribute (a connected one's bandwidth). A
 * decision is a change of the consumer's endpoint, with its rules (ClientToken, DryRun, one change at a time).
 */
final class SimulatedConnections {

    private final Map<String, SimulatedAccount> accounts;
    private final ServiceDirectory directory;
    private final Clock clock;

    SimulatedConnections(Map<String, SimulatedAccount> accounts, ServiceDirectory directory, Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.clock = clock;
    }

    Map<String, Object> enable(SimulatedAccount owner, Map<String, String> p) {
        Integer bandwidth = RpcParameters.boundedInt(p, "Bandwidth", 100, 50000);
        return decide(owner, p, "EnableVpcEndpointConnection", true, (service, e) -> {
            if (service.resources() != null && service.resources().isEmpty()) {
                throw SeedErrors.of("OperationDenied.NoAvailableServiceResource");
            }
            return bandwidth;
        });
    }

    Map<String, Object> disable(SimulatedAccount owner, Map<String, String> p) {
        return decide(owner, p, "DisableVpcEndpointConnection", false,
                (service, e) -> e.connection() == null ? null : e.connection().bandwidth());
    }

    /**
     * UpdateVpcEndpointConnectionAttribute: the bandwidth of a connection that is Connected (any other state answers
     * EndpointConnectionOperationDenied), at once.
     */
    Map<String, Object> updateAttribute(SimulatedAccount owner, Map<String, String> p) {
        Integer bandwidth = RpcParameters.boundedInt(p, "Bandwidth", 100, 50000);
        Service service = owned(owner, p);
        String endpointId = RpcParameters.required(p, "EndpointId");
        SimulatedAccount holder = holder(endpointId, service.serviceId(), clock.instant())
                .orElseThrow(() -> SeedErrors.of("EndpointConnectionNotFound"));
        return holder.changes.change("UpdateVpcEndpointConnectionAttribute", p, (e, now) -> {
            if (!"Connected".equals(e.connectionStatus(holder.state.status(e, now).orElseThrow(), now))) {
                throw SeedErrors.of("EndpointConnectionOperationDenied");
            }
            return bandwidth == null ? e : e.withConnection(new Connection(Connection.ACCEPTED, now, bandwidth));
        });
    }

    /**
     * EnableVpcEndpointZoneConnection and DisableVpcEndpointZoneConnection: one zone of a Connected connection
     * (IncorrectStatus.VpcEndpointConnection otherwise) connected again or disconnected, Connecting or Disconnecting
     * meanwhile; the zone must be Disconnected, or Connected (IncorrectStatus.VpcEndpointZone otherwise); an unknown
     * zone is ResourceNotFound.VpcEndpointZone (404).
     */
    Map<String, Object> decideZone(SimulatedAccount owner, Map<String, String> p, boolean enable) {
        Service service = owned(owner, p);
        String endpointId = RpcParameters.required(p, "EndpointId");
        String zoneId = RpcParameters.required(p, "ZoneId");
        SimulatedAccount holder = holder(endpointId, service.serviceId(), clock.instant())
                .orElseThrow(() -> SeedErrors.of("EndpointConnectionNotFound"));
        String action = enable ? "EnableVpcEndpointZoneConnection" : "DisableVpcEndpointZoneConnection";
        return holder.changes.change(action, p, (e, now) -> {
            String status = holder.state.status(e, now).orElseThrow();
            String connection = e.connectionStatus(status, now);
            if (!"Connected".equals(connection)) {
                throw SeedErrors.of("IncorrectStatus.VpcEndpointConnection", endpointId, connection);
            }
            SimulatedEndpoint.Zone zone = e.zones().stream().filter(z -> z.zoneId().equals(zoneId)
                    && z.removedAt() == null).findFirst()
                    .orElseThrow(() -> SeedErrors.of("ResourceNotFound.VpcEndpointZone", zoneId));
            String zoneStatus = e.zoneStatus(zone, status, now, holder.state.changeTakes()).orElseThrow();
            if (!zoneStatus.equals(enable ? "Disconnected" : "Connected")) {
                throw SeedErrors.of("IncorrectStatus.VpcEndpointZone", zoneId, zoneStatus);
            }
            return e.withZone(zoneId, z -> z.decided(new Connection(enable ? Connection.ACCEPTED : Connection.REJECTED,
                    now.plus(holder.state.changeTakes()), null)));
        });
    }

    /** The owner's rule for one decision: throws what refuses it, answers the connection's bandwidth. */
    private interface Rule {
        Integer check(Service service, SimulatedEndpoint endpoint);
    }

    private Map<String, Object> decide(SimulatedAccount owner, Map<String, String> p, String action, boolean accept,
            Rule rule) {
        Service service = owned(owner, p);
        String endpointId = RpcParameters.required(p, "EndpointId");
        SimulatedAccount holder = holder(endpointId, service.serviceId(), clock.instant())
                .orElseThrow(() -> SeedErrors.of("EndpointConnectionNotFound"));
        return holder.changes.change(action, p, (e, now) -> {
            Integer bandwidth = rule.check(service, e);
            String status = e.connectionStatus(holder.state.status(e, now).orElseThrow(), now);
            if (status.equals(accept ? "Connected" : "Disconnected") && e.connection() != null) {
                return e;
            }
            return e.withConnection(new Connection(accept ? Connection.ACCEPTED : Connection.REJECTED,
                    now.plus(holder.state.changeTakes()), bandwidth));
        });
    }

    /** Back to the seed's services (the simulator's reset). */
    void reset() {
        directory.reset();
    }

    /** A decision made out of band (the owner in the console), for tests of the watches: no rule but existence. */
    synchronized Optional<String> decideOutOfBand(String endpointId, boolean accept) {
        Instant now = clock.instant();
        return accounts.values().stream().filter(a -> a.state.existing(endpointId, now).isPresent()).findFirst()
                .map(a -> {
                    synchronized (a.api) {
                        SimulatedEndpoint e = a.state.existing(endpointId, now).orElseThrow();
                        a.state.put(e.withConnection(new Connection(accept ? Connection.ACCEPTED : Connection.REJECTED,
                                now.plus(a.state.changeTakes()), e.connection() == null ? null
                                        : e.connection().bandwidth())));
                        return a.accountId;
                    }
                });
    }

    Map<String, Object> list(SimulatedAccount owner, Map<String, String> p) {
        Service service = owned(owner, p);
        Instant now = clock.instant();
        List<Map<String, Object>> items = new ArrayList<>();
        for (SimulatedAccount a : accounts.values()) {
            for (SimulatedEndpoint e : a.state.existing(now)) {
                if (!e.serviceId().equals(service.serviceId())) {
                    continue;
                }
                String status = a.state.status(e, now).orElseThrow();
                String connection = e.connectionStatus(status, now);
                if (RpcParameters.eq(p, "EndpointId", e.endpointId())
                        && RpcParameters.eq(p, "EndpointOwnerId", a.accountId)
                        && RpcParameters.eq(p, "ConnectionStatus", connection)) {
                    items.add(item(a, e, status, connection, now));
                }
            }
        }
        Map<String, Object> body = Pages.page(p, items, "Connections");
        body.put("TotalCount", String.valueOf(items.size()));
        return body;
    }

    private static Map<String, Object> item(SimulatedAccount a, SimulatedEndpoint e, String status, String connection,
            Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ServiceId", e.serviceId());
        m.put("ServiceRegionId", e.regionId());
        m.put("EndpointId", e.endpointId());
        m.put("EndpointOwnerId", Long.parseLong(a.accountId));
        m.put("EndpointRegionId", e.regionId());
        m.put("EndpointVpcId", e.vpcId());
        m.put("ConnectionStatus", connection);
        m.put("Bandwidth", e.bandwidth());
        m.put("TrafficControlMode", "BandwidthLimit");
        m.put("ResourceOwner", false);
        m.put("ResourceGroupId", e.resourceGroupId() == null ? "rg-default" : e.resourceGroupId());
        m.put("ModifiedTime", (e.connection() == null ? e.createTime() : e.connection().settledAt()).toString());
        m.put("Zones", e.zones().stream().filter(z -> z.removedAt() == null).map(z -> Map.<String, Object> of(
                "ZoneId", z.zoneId(), "ZoneStatus", e.zoneStatus(z, status, now, Duration.ZERO).orElse("Deleting"),
                "ZoneDomain",
                z.zoneId() + "-" + e.domain(), "EniId", z.eniId(), "VSwitchId", z.vSwitchId())).toList());
        return m;
    }

    /** The service a request names, which the caller's account must own (another's is EndpointServiceNotFound). */
    private Service owned(SimulatedAccount owner, Map<String, String> p) {
        String regionId = RpcParameters.required(p, "RegionId");
        String serviceId = RpcParameters.required(p, "ServiceId");
        return directory.owned(owner.accountId, regionId, serviceId).service();
    }

    private Optional<SimulatedAccount> holder(String endpointId, String serviceId, Instant now) {
        return accounts.values().stream().filter(a -> a.state.existing(endpointId, now)
                .filter(e -> e.serviceId().equals(serviceId)).isPresent()).findFirst();
    }
}
