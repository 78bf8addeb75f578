package io.privatelink.simulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.simulator.SimulatorSeed.Service;

/**
 * Every account's endpoint services, by id, with the account that owns each: the seeded ones, and those made through
 * the API (journaled, so they survive restarts). An endpoint in one account may connect to a service of another that
 * lists it, and the owner decides on connections from any account. A service's status comes from its clocks:
 * Creating for as long as an endpoint takes to turn Active, Pending while a resource is attached or detached, Deleting
 * for as long as a deletion takes, then gone.
 */
final class ServiceDirectory implements AutoCloseable {

    /** A service as it is now, and the account that owns it. */
    record Owned(String ownerAccountId, Service service) {
    }

    private final List<SimulatorSeed> seeds;
    private final SimulatorState.Lifecycle lifecycle;
    private final Clock clock;
    private final Journal<SimulatedService> journal;
    private final Map<String, SimulatedService> byId = new LinkedHashMap<>();

    ServiceDirectory(ObjectMapper json, List<SimulatorSeed> accounts, Path journalFile,
            SimulatorState.Lifecycle lifecycle, Clock clock) {
        this.seeds = accounts;
        this.lifecycle = lifecycle;
        this.clock = clock;
        seed();
        this.journal = new Journal<>(json, journalFile, SimulatedService.class,
                s -> byId.put(s.service().serviceId(), s));
    }

    private void seed() {
        for (SimulatorSeed account : seeds) {
            account.services().forEach(s -> byId.putIfAbsent(s.serviceId(),
                    new SimulatedService(account.accountId(), s, null, null, null, null, null, null)));
        }
    }

    /** The service's status now; empty once it is gone. A seeded one has the seed's status (Active by default). */
    synchronized Optional<String> status(SimulatedService s, Instant now) {
        if (s.deleteTime() != null) {
            return now.isBefore(s.deleteTime().plus(lifecycle.deletedAfter())) ? Optional.of("Deleting")
                    : Optional.empty();
        }
        if (s.createTime() != null && now.isBefore(s.createTime().plus(lifecycle.activeAfter()))) {
            return Optional.of("Creating");
        }
        if (s.pendingUntil() != null && now.isBefore(s.pendingUntil())) {
            return Optional.of("Pending");
        }
        return Optional.of(s.service().status() == null ? "Active" : s.service().status());
    }

    /** How long a change of a service (a resource attached or detached) keeps it Pending. */
    Duration changeTakes() {
        return lifecycle.deletedAfter();
    }

    /** The record of a service, gone ones included. */
    synchronized Optional<SimulatedService> get(String serviceId) {
        return Optional.ofNullable(serviceId == null ? null : byId.get(serviceId));
    }

    /** A service that still exists, owned by the given account in the given region (else EndpointServiceNotFound). */
    synchronized SimulatedService owned(String accountId, String regionId, String serviceId) {
        return get(serviceId).filter(s -> s.ownerAccountId().equals(accountId))
                .filter(s -> s.service().regionId().equals(regionId))
                .filter(s -> status(s, clock.instant()).isPresent())
                .orElseThrow(() -> SeedErrors.of("EndpointServiceNotFound"));
    }

    /** The service made under this ClientToken by this account, if any. */
    synchronized Optional<SimulatedService> byClientToken(String accountId, String clientToken) {
        return clientToken == null ? Optional.empty() : byId.values().stream()
                .filter(s -> s.ownerAccountId().equals(accountId) && clientToken.equals(s.clientToken())).findFirst();
    }

    synchronized void put(SimulatedService service) {
        journal.append(service);
        byId.put(service.service().serviceId(), service);
    }

    /** The service as a create of an endpoint sees it now: status from its clocks, Deleted once gone. */
    synchronized Optional<Owned> byId(String serviceId) {
        return get(serviceId).map(this::view);
    }

    /** Another account's services: visible to the accounts their AuthorizedAccounts list (or "*"). */
    synchronized List<Owned> foreign(String accountId) {
        return byId.values().stream().filter(o -> !o.ownerAccountId().equals(accountId)).map(this::view).toList();
    }

    /** The existing services an account may connect to: its own, and others' that list it (or "*"). */
    synchronized List<Owned> visibleTo(String accountId, Instant now) {
        return byId.values().stream().filter(s -> status(s, now).isPresent() && (s.ownerAccountId().equals(accountId)
                || s.service().authorizedAccounts() != null && (s.service().authorizedAccounts().contains(accountId)
                        || s.service().authorizedAccounts().contains("*")))).map(this::view).toList();
    }

    /** The services the given account owns, gone ones included. */
    synchronized List<Owned> ownedBy(String accountId) {
        return byId.values().stream().filter(o -> o.ownerAccountId().equals(accountId)).map(this::view).toList();
    }

    /** The services the given account owns that still exist, oldest first. */
    synchronized List<SimulatedService> existingOf(String accountId, Instant now) {
        List<SimulatedService> list = new ArrayList<>();
        byId.values().stream().filter(s -> s.ownerAccountId().equals(accountId) && status(s, now).isPresent())
                .forEach(list::add);
        return list;
    }

    private Owned view(SimulatedService s) {
        Service seen = s.service();
        Optional<String> status = status(s, clock.instant());
        Service now = new Service(seen.serviceId(), seen.serviceName(), seen.regionId(), seen.serviceType(),
                seen.zones(), seen.autoAcceptEnabled(), seen.dualStack(), status.orElse(seen.status()),
                seen.deleted() || status.isEmpty(), seen.authorizedAccounts(), seen.oneEndpointPerVpc(),
                seen.policySupported(), seen.privateDomainStatus(), seen.resources(), seen.serviceResourceType(),
                seen.payer(), seen.serviceDescription(), seen.zoneAffinityEnabled(), seen.serviceSupportIPv6(),
                seen.connectBandwidth());
        return new Owned(s.ownerAccountId(), now);
    }

    /** Back to the seed: the services made through the API forgotten, the journal emptied. */
    synchronized void reset() {
        byId.clear();
        seed();
        journal.reset();
    }

    @Override
    public synchronized void close() {
        journal.close();
    }
}
