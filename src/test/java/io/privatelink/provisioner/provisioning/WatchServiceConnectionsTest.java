package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.ManagedService;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** The watch over a managed service's connections, its acceptance policy carried out as its owner's jobs. */
class WatchServiceConnectionsTest extends UseCaseTest {

    /** The job that made the service: its events are the service's. */
    String createJob;

    /** A service made through its job, allowing 2000, accepting it and 3000, rejecting others after a minute. */
    String service() {
        String create = accepted(world.createService, """
                {"RegionId": "cn-hangzhou", "Resource": [{"ResourceId": "lb-1", "ResourceType": "slb"}],
                 "User": ["2000"], "AcceptancePolicy": {"AcceptAllowedUsers": true, "AcceptAccounts": ["3000"],
                 "RejectAfter": 60}}""");
        createJob = create;
        String serviceId = step(create).endpointId;
        cloud().setService(serviceId, "Active");
        assertEquals(JobStatus.Active, run(create, 6).status);
        return serviceId;
    }

    int pass() {
        return world.watch.pass().await().atMost(Duration.ofSeconds(5));
    }

    List<VpcEndpointJob> decisions(Operation operation) {
        return world.jobs.jobs().stream().filter(j -> j.operation == operation).toList();
    }

    @Test
    void requestsFromAcceptedAccountsBecomeTheOwnersAcceptancesOnceAndOthersAreHeldThenRejected() {
        String serviceId = service();
        cloud().putConnection(serviceId, "ep-allowed", "Disconnected", "2000");
        cloud().putConnection(serviceId, "ep-stranger", "Disconnected", "4000");
        assertEquals(1, pass());
        List<VpcEndpointJob> accepts = decisions(Operation.Accept);
        assertEquals(List.of("ep-allowed"), accepts.stream().map(j -> j.endpointId).toList());
        assertTrue(accepts.get(0).clientToken.startsWith("policy-accept-"), accepts.get(0).clientToken);
        assertEquals(1, world.jobs.eventTypes(createJob).stream()
                .filter(t -> t.equals("privatelink.vpc-endpoint-service.connection-requested")).count());

        world.clock.advance(Duration.ofSeconds(61));
        assertEquals(1, pass());
        assertEquals(List.of("ep-stranger"), decisions(Operation.Reject).stream().map(j -> j.endpointId).toList());
        assertEquals(1, decisions(Operation.Accept).size(), "no second acceptance");
        assertEquals(1, world.jobs.eventTypes(createJob).stream()
                .filter(t -> t.equals("privatelink.vpc-endpoint-service.connection-requested")).count(), "told once");

        world.clock.advance(Duration.ofMinutes(2));
        pass();
        assertEquals(1, decisions(Operation.Reject).size(), "rejected once");
    }

    @Test
    void aServiceDeletedOutOfBandIsGoneWithAnEventAndNoLongerWatched() {
        String serviceId = service();
        cloud().deleteServiceOutOfBand(serviceId);
        assertEquals(1, pass());
        assertEquals(ManagedService.Status.Gone, world.jobs.services().get(createJob).status);
        assertTrue(world.jobs.eventTypes(createJob).contains("privatelink.vpc-endpoint-service.gone"));
        world.clock.advance(Duration.ofMinutes(5));
        assertEquals(0, pass(), "a service gone is watched no more");
    }

    @Test
    void aServiceWithAnOperationUnderWayIsLeftToIt() {
        String serviceId = service();
        String delete = accepted(world.deleteService, "{\"ServiceId\": \"" + serviceId + "\"}");
        cloud().deleteServiceOutOfBand(serviceId);
        assertEquals(1, pass());
        assertEquals(ManagedService.Status.Active, world.jobs.services().get(createJob).status,
                "its delete, under way, is not the watch's to tell");
        assertEquals(JobStatus.Deleted, run(delete, 5).status);
    }
}
