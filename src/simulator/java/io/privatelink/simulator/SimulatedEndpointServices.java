package io.privatelink.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.simulator.SimulatedEndpoint.Connection;
import io.privatelink.simulator.SimulatorSeed.Resource;
import io.privatelink.simulator.SimulatorSeed.Service;

/**
 * The owner's endpoint services (section 1 to 3 of the provider spec): create (Creating, then Active), read and list,
 * change attributes, attach and detach backend resources (the service Pending meanwhile), add and remove allowed
 * accounts, delete (Deleting, then gone; its remaining endpoints ServiceDeleted). Every write takes ClientToken and
 * DryRun; a change needs the service Active (Pending answers EndpointServiceLocked, other states
 * EndpointServiceOperationDenied).
 */
final class SimulatedEndpointServices {

    private static final int MAX_RESOURCES_AT_CREATION = 10;
    private static final int MAX_RESOURCES = 20;
    private static final List<String> RESOURCE_TYPES = List.of("slb", "alb", "nlb", "gwlb");

    private final Map<String, SimulatedAccount> accounts;
    private final ServiceDirectory directory;
    private final ObjectMapper json;
    private final Clock clock;
    private final ResourceIds ids = new ResourceIds();

    SimulatedEndpointServices(Map<String, SimulatedAccount> accounts, ServiceDirectory directory, ObjectMapper json,
            Clock clock) {
        this.accounts = accounts;
        this.directory = directory;
        this.json = json;
        this.clock = clock;
    }

    synchronized Map<String, Object> create(SimulatedAccount owner, Map<String, String> p) {
        String regionId = RpcParameters.required(p, "RegionId");
        boolean dryRun = "true".equalsIgnoreCase(p.get("DryRun"));
        String signature = RpcParameters.requestSignature(p);
        Optional<SimulatedService> replay = dryRun ? Optional.empty()
                : directory.byClientToken(owner.accountId, p.get("ClientToken"));
        if (replay.isPresent()) {
            if (!signature.equals(replay.get().requestSignature())) {
                throw SeedErrors.of("IdempotenceSignatureMismatch");
            }
            return view(replay.get());
        }
        List<String> zones = owner.api.seed.regions().stream().filter(r -> r.regionId().equals(regionId)).findFirst()
                .orElseThrow(() -> SeedErrors.of("InvalidRegionId.NotFound")).zones();
        String resourceType = p.getOrDefault("ServiceResourceType", "slb");
        List<Resource> resources = resources(p, resourceType, zones);
        if (resources.size() > MAX_RESOURCES_AT_CREATION) {
            throw SeedErrors.of("QuotaMisMatched");
        }
        String payer = p.getOrDefault("Payer", "Endpoint");
        if (!List.of("Endpoint", "EndpointService").contains(payer)) {
            throw SeedErrors.of("IllegalParamFormat.Payer");
        }
        if (dryRun) {
            throw SeedErrors.of("DryRunOperation");
        }
        String id = ids.next("epsrv-");
        List<String> serviceZones = resources.stream().map(Resource::zoneId).filter(z -> z != null).distinct()
                .toList();
        Service service = new Service(id, "com.aliyuncs.privatelink." + regionId + "." + id, regionId, "Interface",
                serviceZones.isEmpty() ? zones : serviceZones, flag(p, "AutoAcceptEnabled"), false, null, false,
                List.of(owner.accountId), false, null, null, resources, resourceType, payer,
                p.get("ServiceDescription"), flag(p, "ZoneAffinityEnabled"), flag(p, "ServiceSupportIPv6"), null);
        SimulatedService made = new SimulatedService(owner.accountId, service,
                clock.instant(), null, null, p.get("ClientToken"), signature, null);
        directory.put(made);
        return view(made);
    }

    /** Resource.N.ResourceId/ResourceType/ZoneId: a type the API knows, a zone for all but slb, in the region. */
    private static List<Resource> resources(Map<String, String> p, String serviceType, List<String> zones) {
        List<Resource> resources = new ArrayList<>();
        for (Map<String, String> r : RpcParameters.indexedObjects(p, "Resource.")) {
            resources.add(resource(r.get("ResourceId"), r.getOrDefault("ResourceType", serviceType), r.get("ZoneId"),
                    zones));
        }
        return resources;
    }

    private static Resource resource(String id, String type, String zoneId, List<String> zones) {
        if (id == null || id.isBlank()) {
            throw SeedErrors.of("MissingParam.ResourceId");
        }
        if (!RESOURCE_TYPES.contains(type)) {
            throw SeedErrors.of("EndpointServiceResourceTypeNotSupport");
        }
        if (!"slb".equals(type) && zoneId == null) {
            throw SeedErrors.of("MissingParam.ZoneId");
        }
        if (zoneId != null && !zones.contains(zoneId)) {
            throw SeedErrors.of("EndpointServiceNotSupportedZone");
        }
        return new Resource(type, id, null, zoneId);
    }

    synchronized Map<String, Object> get(SimulatedAccount owner, Map<String, String> p) {
        return view(owned(owner, p));
    }

    synchronized Map<String, Object> list(SimulatedAccount owner, Map<String, String> p) {
        String regionId = RpcParameters.required(p, "RegionId");
        Instant now = clock.instant();
        List<Map<String, Object>> items = new ArrayList<>();
        for (SimulatedService s : directory.existingOf(owner.accountId, now)) {
            Map<String, Object> item = view(s);
            item.remove("Zones");
            if (s.service().regionId().equals(regionId) && RpcParameters.eq(p, "ServiceId", s.service().serviceId())
                    && RpcParameters.eq(p, "ServiceName", s.service().serviceName())
                    && RpcParameters.eq(p, "ServiceStatus", (String) item.get("ServiceStatus"))) {
                items.add(item);
            }
        }
        Map<String, Object> body = Pages.page(p, items, "Services");
        body.put("TotalCount", items.size());
        return body;
    }

    /**
     * ListVpcEndpointServicesByEndUser: the services, of any account, that the caller may connect to (its own, and
     * those whose allowed accounts list it), without ServiceStatus; TotalCount a string, as the API has it.
     */
    synchronized Map<String, Object> listByEndUser(SimulatedAccount caller, Map<String, String> p) {
        String regionId = RpcParameters.required(p, "RegionId");
        List<Map<String, Object>> items = new ArrayList<>();
        for (ServiceDirectory.Owned o : directory.visibleTo(caller.accountId, clock.instant())) {
            Service v = o.service();
            if (v.regionId().equals(regionId) && RpcParameters.eq(p, "ServiceId", v.serviceId())
                    && RpcParameters.eq(p, "ServiceName", v.serviceName())) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("ServiceId", v.serviceId());
                item.put("ServiceName", v.serviceName());
                item.put("ServiceDomain", v.serviceId() + "." + v.regionId() + ".privatelink.aliyuncs.com");
                item.put("ServiceType", v.serviceType() == null ? "Interface" : v.serviceType());
                item.put("ServiceResourceType", v.serviceResourceType() == null ? "slb" : v.serviceResourceType());
                item.put("Payer", v.payer() == null ? "Endpoint" : v.payer());
                item.put("AutoAcceptEnabled", v.autoAcceptEnabled());
                item.put("ZoneAffinityEnabled", v.zoneAffinityEnabled());
                item.put("ServiceSupportIPv6", v.serviceSupportIPv6());
                item.put("Zones", v.zones() == null ? List.of() : v.zones());
                items.add(item);
            }
        }
        Map<String, Object> body = Pages.page(p, items, "Services");
        body.put("TotalCount", String.valueOf(items.size()));
        return body;
    }

    synchronized Map<String, Object> update(SimulatedAccount owner, Map<String, String> p) {
        Integer bandwidth = RpcParameters.boundedInt(p, "ConnectBandwidth", 100, 10240);
        return change(owner, p, "UpdateVpcEndpointServiceAttribute", s -> {
            Map<String, Object> fields = fields(s.service());
            for (String name : List.of("AutoAcceptEnabled", "ZoneAffinityEnabled", "ServiceSupportIPv6")) {
                if (p.containsKey(name)) {
                    fields.put(name, flag(p, name));
                }
            }
            if (p.containsKey("ServiceDescription")) {
                fields.put("ServiceDescription", p.get("ServiceDescription"));
            }
            if (bandwidth != null) {
                fields.put("ConnectBandwidth", bandwidth);
            }
            return s.with(json.convertValue(fields, Service.class), s.pendingUntil(), s.changeTokens());
        });
    }

    synchronized Map<String, Object> attachResource(SimulatedAccount owner, Map<String, String> p) {
        return change(owner, p, "AttachResourceToVpcEndpointService", s -> {
            List<Resource> resources = new ArrayList<>(resourcesOf(s));
            Resource added = resource(RpcParameters.required(p, "ResourceId"), RpcParameters.required(p,
                    "ResourceType"), p.get("ZoneId"), owner.api.seed.regions().stream()
                    .filter(r -> r.regionId().equals(s.service().regionId())).findFirst().orElseThrow().zones());
            if (resources.stream().anyMatch(r -> r.resourceId().equals(added.resourceId()))) {
                throw SeedErrors.of("EndpointServiceResourceExist");
            }
            if (resources.size() >= MAX_RESOURCES) {
                throw SeedErrors.of("QuotaMisMatched");
            }
            resources.add(added);
            return withResources(s, resources);
        });
    }

    synchronized Map<String, Object> detachResource(SimulatedAccount owner, Map<String, String> p) {
        return change(owner, p, "DetachResourceFromVpcEndpointService", s -> {
            String id = RpcParameters.required(p, "ResourceId");
            List<Resource> resources = new ArrayList<>(resourcesOf(s));
            Resource gone = resources.stream().filter(r -> r.resourceId().equals(id)).findFirst()
                    .orElseThrow(() -> SeedErrors.of("EndpointServiceResourceNotFound"));
            resources.remove(gone);
            if (resources.isEmpty() && connected(s.service().serviceId()) > 0) {
                throw SeedErrors.of("EndpointServiceConnectionDependence");
            }
            return withResources(s, resources);
        });
    }

    private SimulatedService withResources(SimulatedService s, List<Resource> resources) {
        Map<String, Object> fields = fields(s.service());
        fields.put("Resources", resources);
        return s.with(json.convertValue(fields, Service.class), clock.instant().plus(directory.changeTakes()), s.changeTokens());
    }

    synchronized Map<String, Object> addUser(SimulatedAccount owner, Map<String, String> p) {
        String user = user(p);
        return change(owner, p, "AddUserToVpcEndpointService", s -> users(s, users -> {
            if (!users.contains(user)) {
                users.add(user);
            }
            return users;
        }));
    }

    synchronized Map<String, Object> removeUser(SimulatedAccount owner, Map<String, String> p) {
        String user = user(p);
        return change(owner, p, "RemoveUserFromVpcEndpointService", s -> users(s, users -> {
            users.remove(user);
            return users;
        }));
    }

    private SimulatedService users(SimulatedService s, UnaryOperator<List<String>> edit) {
        Map<String, Object> fields = fields(s.service());
        List<String> users = s.service().authorizedAccounts() == null ? new ArrayList<>()
                : new ArrayList<>(s.service().authorizedAccounts());
        fields.put("AuthorizedAccounts", edit.apply(users));
        return s.with(json.convertValue(fields, Service.class), s.pendingUntil(), s.changeTokens());
    }

    /** UserId, or the account in a UserARN (acs:ram:*:&lt;account&gt;:*); both must name the same. */
    private static String user(Map<String, String> p) {
        String id = p.get("UserId");
        String arn = p.get("UserARN");
        String fromArn = arn == null ? null : arn.split(":").length > 3 ? arn.split(":")[3] : "";
        if (id == null && arn == null) {
            throw SeedErrors.of("MissingParam.UserArn");
        }
        if (id != null && fromArn != null && !id.equals(fromArn) || fromArn != null && !fromArn.matches("[0-9]+")
                || id != null && !id.matches("[0-9]+")) {
            throw SeedErrors.of("Mismatch.UserIdAndUserArn");
        }
        return id != null ? id : fromArn;
    }

    synchronized Map<String, Object> listUsers(SimulatedAccount owner, Map<String, String> p) {
        SimulatedService s = owned(owner, p);
        List<String> users = s.service().authorizedAccounts() == null ? List.of() : s.service().authorizedAccounts();
        List<Map<String, Object>> items = users.stream().filter(u -> RpcParameters.eq(p, "UserId", u))
                .map(u -> Map.<String, Object> of("UserId", Long.parseLong(u))).toList();
        Map<String, Object> body = Pages.page(p, items, "Users");
        body.put("TotalCount", String.valueOf(items.size()));
        return body;
    }

    synchronized Map<String, Object> listResources(SimulatedAccount owner, Map<String, String> p) {
        SimulatedService s = owned(owner, p);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Resource r : resourcesOf(s)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ResourceId", r.resourceId());
            item.put("ResourceType", r.resourceType());
            item.put("ZoneId", r.zoneId() == null ? "" : r.zoneId());
            item.put("RegionId", s.service().regionId());
            item.put("RelatedEndpointCount", endpoints(s.service().serviceId()).size());
            items.add(item);
        }
        return Pages.page(p, items, "Resources");
    }

    synchronized Map<String, Object> delete(SimulatedAccount owner, Map<String, String> p) {
        return change(owner, p, "DeleteVpcEndpointService", s -> {
            if (connected(s.service().serviceId()) > 0) {
                throw SeedErrors.of("EndpointServiceConnectionDependence");
            }
            if (!resourcesOf(s).isEmpty()) {
                throw SeedErrors.of("EndpointServiceDependenceViolation");
            }
            return s.deleted(clock.instant());
        });
    }

    /** The owner deletes the service in the console, resources, connections and all: its endpoints ServiceDeleted. */
    synchronized boolean deleteOutOfBand(String serviceId) {
        Optional<SimulatedService> s = directory.get(serviceId).filter(x -> directory.status(x, clock.instant())
                .isPresent());
        s.ifPresent(found -> {
            directory.put(found.deleted(clock.instant()));
            orphan(serviceId);
        });
        return s.isPresent();
    }

    /**
     * The common course of a change: the caller's service (EndpointServiceNotFound), the ClientToken's replay, the
     * service's state, the action's own rules, DryRun, then the change journaled with its token.
     */
    private Map<String, Object> change(SimulatedAccount owner, Map<String, String> p, String action,
            UnaryOperator<SimulatedService> change) {
        SimulatedService s = owned(owner, p);
        boolean dryRun = "true".equalsIgnoreCase(p.get("DryRun"));
        String token = p.get("ClientToken");
        String signed = RpcParameters.signedChange(p, action);
        if (!dryRun && RpcParameters.replayed(s.changeTokens(), token, signed)) {
            return new LinkedHashMap<>();
        }
        String status = directory.status(s, clock.instant()).orElseThrow();
        if ("Pending".equals(status)) {
            throw SeedErrors.of("EndpointServiceLocked");
        }
        if (!"Active".equals(status)) {
            throw SeedErrors.of("EndpointServiceOperationDenied");
        }
        SimulatedService changed = change.apply(s);
        if (dryRun) {
            throw SeedErrors.of("DryRunOperation");
        }
        if (token != null) {
            List<String> tokens = new ArrayList<>(changed.changeTokens());
            tokens.add(signed);
            changed = changed.with(changed.service(), changed.pendingUntil(), tokens);
        }
        directory.put(changed);
        if (changed.deleteTime() != null && s.deleteTime() == null) {
            orphan(s.service().serviceId());
        }
        return new LinkedHashMap<>();
    }

    /** The endpoints of every account still on a deleted service: their connections ServiceDeleted. */
    private void orphan(String serviceId) {
        Instant now = clock.instant();
        for (SimulatedAccount a : accounts.values()) {
            synchronized (a.api) {
                for (SimulatedEndpoint e : a.state.existing(now)) {
                    if (e.serviceId().equals(serviceId)) {
                        a.state.put(e.withConnection(new Connection(Connection.SERVICE_DELETED, now, null)));
                    }
                }
            }
        }
    }

    private SimulatedService owned(SimulatedAccount owner, Map<String, String> p) {
        return directory.owned(owner.accountId, RpcParameters.required(p, "RegionId"),
                RpcParameters.required(p, "ServiceId"));
    }

    private List<SimulatedEndpoint> endpoints(String serviceId) {
        Instant now = clock.instant();
        List<SimulatedEndpoint> all = new ArrayList<>();
        accounts.values().forEach(a -> a.state.existing(now).stream().filter(e -> e.serviceId().equals(serviceId))
                .forEach(all::add));
        return all;
    }

    private long connected(String serviceId) {
        Instant now = clock.instant();
        return accounts.values().stream().mapToLong(a -> a.state.existing(now).stream()
                .filter(e -> e.serviceId().equals(serviceId))
                .filter(e -> "Connected".equals(e.connectionStatus(a.state.status(e, now).orElse(""), now)))
                .count()).sum();
    }

    private static List<Resource> resourcesOf(SimulatedService s) {
        return s.service().resources() == null ? List.of() : s.service().resources();
    }

    private Map<String, Object> fields(Service service) {
        return json.convertValue(service, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    private static boolean flag(Map<String, String> p, String name) {
        return "true".equalsIgnoreCase(p.get(name));
    }

    /** What Create and GetVpcEndpointServiceAttribute answer (section 1.1 and 1.4 of the provider spec). */
    private Map<String, Object> view(SimulatedService s) {
        Service v = s.service();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ServiceId", v.serviceId());
        m.put("ServiceName", v.serviceName());
        m.put("ServiceDomain", v.serviceId() + "." + v.regionId() + ".privatelink.aliyuncs.com");
        m.put("ServiceStatus", directory.status(s, clock.instant()).orElse("Deleted"));
        m.put("ServiceBusinessStatus", "Normal");
        m.put("ServiceDescription", v.serviceDescription() == null ? "" : v.serviceDescription());
        m.put("CreateTime", (s.createTime() == null ? Instant.EPOCH : s.createTime()).truncatedTo(ChronoUnit.SECONDS)
                .toString());
        m.put("AutoAcceptEnabled", v.autoAcceptEnabled());
        m.put("ZoneAffinityEnabled", v.zoneAffinityEnabled());
        m.put("ServiceSupportIPv6", v.serviceSupportIPv6());
        m.put("AddressIpVersion", "IPv4");
        m.put("ServiceType", v.serviceType() == null ? "Interface" : v.serviceType());
        m.put("ServiceResourceType", v.serviceResourceType() == null ? "slb" : v.serviceResourceType());
        m.put("Payer", v.payer() == null ? "Endpoint" : v.payer());
        m.put("RegionId", v.regionId());
        m.put("ConnectBandwidth", v.connectBandwidth() == null ? 3072 : v.connectBandwidth());
        m.put("MaxBandwidth", 10240);
        m.put("MinBandwidth", 100);
        m.put("ResourceGroupId", "rg-default");
        m.put("Zones", v.zones() == null ? List.of() : v.zones());
        return m;
    }
}
