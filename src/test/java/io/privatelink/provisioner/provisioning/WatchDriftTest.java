package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.ManagedEndpoint;

/** The drift watch over managed endpoints: in sync, drifted (told once), gone, busy, in memory. */
class WatchDriftTest extends UseCaseTest {

    static Observation seen(String endpointId, String name) {
        return new Observation(true, Observation.ACTIVE, Map.of("EndpointId", endpointId, "EndpointName", name,
                "EndpointStatus", Observation.ACTIVE),
                List.of(new Observation.ZoneState("cn-hangzhou-h", "vsw-demo01h", "10.0.0.8", null, "Connected")),
                List.of(new Observation.GroupState("sg-demo01", "Attached")));
    }

    /** An endpoint made elsewhere as {@code seen} shows it, adopted: what it is now is what its owner wants. */
    ManagedEndpoint adopted(String endpointId) {
        cloud().put(endpointId, seen(endpointId, "as-adopted"));
        String adopt = accepted(world.adopt, "{\"RegionId\": \"cn-hangzhou\", \"EndpointId\": \"" + endpointId + "\"}");
        world.operations.step(world.jobs.byId(adopt).await().indefinitely()).await().atMost(Duration.ofSeconds(5));
        assertEquals(JobStatus.Adopted, world.jobs.byId(adopt).await().indefinitely().status);
        return managed(endpointId);
    }

    ManagedEndpoint managed(String endpointId) {
        return world.jobs.managedById(endpointId).await().indefinitely();
    }

    /** A pass once a whole period has gone by: every managed endpoint is due. */
    int passAfterAPeriod() {
        world.clock.advance(world.config.retry().maxPoll().plus(Duration.ofMinutes(10)));
        return world.drift.pass().await().atMost(Duration.ofSeconds(5));
    }

    List<String> endpointEvents(ManagedEndpoint m) {
        return world.jobs.eventTypes(m.resourceKey).stream().filter(t -> !t.contains(".job.")).toList();
    }

    @Test
    void anEndpointAsItsOwnerWantsItIsObservedAndTellsNothing() {
        ManagedEndpoint m = adopted("ep-sync");
        assertEquals(1, passAfterAPeriod());
        assertNull(managed("ep-sync").driftJson);
        assertEquals(List.of(), endpointEvents(m));
        assertTrue(managed("ep-sync").nextObserveAt.isAfter(world.clock.instant()), "observed again a period later");
        assertEquals(0, world.drift.pass().await().atMost(Duration.ofSeconds(5)), "not due again at once");
    }

    @Test
    void aDriftIsRecordedAndToldOnceUntilItChanges() {
        ManagedEndpoint m = adopted("ep-drift");
        cloud().put("ep-drift", seen("ep-drift", "renamed-in-the-console"));
        passAfterAPeriod();
        assertNotNull(managed("ep-drift").driftJson);
        assertTrue(managed("ep-drift").driftJson.contains("renamed-in-the-console")
                || managed("ep-drift").driftJson.contains("as-adopted"), managed("ep-drift").driftJson);
        assertEquals(1, endpointEvents(m).size());
        assertTrue(endpointEvents(m).get(0).endsWith("drifted"), endpointEvents(m).toString());
        passAfterAPeriod();
        assertEquals(1, endpointEvents(m).size(), "the same drift is told once");
        cloud().put("ep-drift", seen("ep-drift", "as-adopted"));
        passAfterAPeriod();
        assertNull(managed("ep-drift").driftJson, "put back, it is in sync again");
    }

    @Test
    void anEndpointDeletedOutOfBandIsFoundGone() {
        ManagedEndpoint m = adopted("ep-gone");
        cloud().deleteOutOfBand("ep-gone");
        passAfterAPeriod();
        assertEquals(ManagedEndpoint.Status.Gone, world.jobs.managedEndpoint(m.resourceKey).await().indefinitely().status);
        assertTrue(endpointEvents(m).get(0).endsWith("gone"), endpointEvents(m).toString());
        assertEquals(0, passAfterAPeriod(), "a gone endpoint is watched no more");
    }

    @Test
    void anEndpointBusyWithAnOperationIsNotObservedForDrift() {
        adopted("ep-busy");
        accepted(world.update, "{\"EndpointId\": \"ep-busy\", \"EndpointName\": \"renamed-endpoint\"}");
        int observed = cloud().calls(PrivateLinkClient.OBSERVE).size();
        assertEquals(1, passAfterAPeriod());
        assertEquals(observed, cloud().calls(PrivateLinkClient.OBSERVE).size(), "its changes are no drift");
        assertTrue(managed("ep-busy").nextObserveAt.isAfter(world.clock.instant()));
    }
}
