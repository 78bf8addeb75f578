package io.privatelink.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.privatelink.simulator.SimulatorSeed.Service;

/**
 * Every account's endpoint services, by id, with the account that owns each: an endpoint in one account may connect
 * to a service of another that lists it, and the owner decides on connections from any account.
 */
final class ServiceDirectory {

    /** A service and the account that owns it. */
    record Owned(String ownerAccountId, Service service) {
    }

    private final Map<String, Owned> byId = new LinkedHashMap<>();

    ServiceDirectory(List<SimulatorSeed> accounts) {
        for (SimulatorSeed account : accounts) {
            account.services().forEach(s -> byId.putIfAbsent(s.serviceId(), new Owned(account.accountId(), s)));
        }
    }

    Optional<Owned> byId(String serviceId) {
        return Optional.ofNullable(serviceId == null ? null : byId.get(serviceId));
    }

    /** Another account's services: visible to the accounts their AuthorizedAccounts list (or "*"). */
    List<Owned> foreign(String accountId) {
        return byId.values().stream().filter(o -> !o.ownerAccountId().equals(accountId)).toList();
    }
}
