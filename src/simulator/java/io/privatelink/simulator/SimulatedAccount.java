package io.privatelink.simulator;

import java.time.Clock;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One Alibaba account of the simulated cloud: its own resources (its seed), its own endpoints (journaled in a file of
 * its own), its own faults and rate limits. A request acts in the account of whoever signed it: the configured
 * AccessKey pairs are the first account's; credentials STS handed out are their role's account's.
 */
final class SimulatedAccount implements AutoCloseable {

    final String accountId;
    final SimulatorState state;
    final SimulatedPrivateLink api;
    final SimulatedChanges changes;
    final FaultInjector faults = new FaultInjector();

    SimulatedAccount(ObjectMapper json, SimulatorSeed seed, Path journal, SimulatorState.Lifecycle lifecycle,
            Clock clock, Faults startupFaults, ServiceDirectory directory) {
        this.accountId = seed.accountId();
        this.state = new SimulatorState(json, journal, lifecycle);
        this.api = new SimulatedPrivateLink(seed, state, clock, directory);
        this.changes = new SimulatedChanges(api);
        this.faults.set(startupFaults);
    }

    @Override
    public void close() {
        state.close();
    }
}
