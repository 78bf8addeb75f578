package io.privatelink.provisioner.provisioning;

import static io.privatelink.provisioner.provisioning.OperationDecisionsTest.NOW;
import static io.privatelink.provisioner.provisioning.OperationDecisionsTest.cloud;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ServiceResource;
import io.privatelink.provisioner.api.ServiceSpec;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.ServiceChange;
import io.privatelink.provisioner.cloud.ServiceObservation;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;

/** Every branch of what an operation on an endpoint service does next, and of the plan that converges it. */
class ServiceDecisionsTest {

    static final ServiceResource LB1 = new ServiceResource("lb-1", "slb", null);
    static final ServiceResource LB2 = new ServiceResource("lb-2", "nlb", "cn-hangzhou-h");

    final ServiceDecisions decisions = new ServiceDecisions(RetryScheduleTest.DEFAULTS,
            new RetrySchedule(RetryScheduleTest.DEFAULTS));

    static VpcEndpointJob job(Operation operation) {
        VpcEndpointJob job = OperationDecisionsTest.job(operation, operation.working());
        job.endpointId = "epsrv-1";
        return job;
    }

    static ServiceObservation seen(String status, List<ServiceResource> resources, List<String> users,
            List<ServiceObservation.Connection> connections) {
        return new ServiceObservation(true, status, Map.of("ServiceId", "epsrv-1", "AutoAcceptEnabled", false,
                "ServiceDescription", "orders"), resources, users, connections);
    }

    static ServiceSpec spec(List<ServiceResource> resources, List<String> users) {
        return new ServiceSpec(null, null, null, null, resources, users, null);
    }

    OperationStep observed(VpcEndpointJob job, ServiceSpec desired, ServiceObservation seen, boolean disconnect) {
        return decisions.afterObserve(job, List.of(), desired, List.of(), Map.of("RegionId", "cn-hangzhou"), seen,
                disconnect, NOW);
    }

    @Test
    void aPlanAttachesThenDetachesThenAddsAndRemovesOnlyReleasedAccountsThenSetsAttributes() {
        ServiceSpec desired = new ServiceSpec(true, null, "orders", 2048, List.of(LB2), List.of("3000"), null);
        List<ServiceChange> plan = ServiceDiff.plan(desired, List.of("2000", "4000"),
                seen("Active", List.of(LB1), List.of("1000", "2000"), List.of()));
        assertEquals(List.of(new ServiceChange.AttachResource(LB2), new ServiceChange.DetachResource(LB1),
                new ServiceChange.AddUser("3000"), new ServiceChange.RemoveUser("2000"),
                new ServiceChange.Attributes(Map.of("AutoAcceptEnabled", "true", "ConnectBandwidth", "2048"))), plan);
        assertEquals(List.of(), ServiceDiff.plan(spec(null, null), List.of(),
                seen("Active", List.of(LB1), List.of("1000"), List.of())), "nothing asked, nothing changed");
        assertEquals(List.of("2000"), ServiceDiff.released(spec(null, List.of("2000", "3000")),
                spec(null, List.of("3000"))));
        assertEquals(List.of(), ServiceDiff.released(spec(null, List.of("2000")), spec(null, null)),
                "an update that names no accounts keeps them");
    }

    @Test
    void aServiceIsAdoptedAsFoundWithoutItsAccounts() {
        ServiceSpec adopted = ServiceDiff.asSpec(seen("Active", List.of(LB1), List.of("1000"), List.of()));
        assertEquals(new ServiceSpec(false, null, "orders", null, List.of(LB1), null, null), adopted);
        assertInstanceOf(OperationStep.ServiceDone.class, observed(job(Operation.AdoptService), null,
                seen("Active", List.of(), List.of(), List.of()), false));
        assertInstanceOf(OperationStep.Wait.class, observed(job(Operation.AdoptService), null,
                seen("Creating", List.of(), List.of(), List.of()), false));
    }

    @Test
    void aCreateWithoutAServiceMakesOneAndAServiceGoneOrNotActiveEndsOrWaits() {
        OperationStep.Call call = assertInstanceOf(OperationStep.Call.class, observed(job(Operation.CreateService),
                spec(null, null), null, false));
        assertEquals(new ServiceChange.Create(Map.of("RegionId", "cn-hangzhou")), call.change());
        assertEquals(OperationDecisions.token("job-1", "CreateVpcEndpointService"), call.token());
        OperationStep.Fail gone = assertInstanceOf(OperationStep.Fail.class, observed(job(Operation.UpdateService),
                spec(null, null), ServiceObservation.gone(), false));
        assertEquals(ApiErrors.SERVICE_NOT_FOUND, gone.code());
        assertInstanceOf(OperationStep.Wait.class, observed(job(Operation.UpdateService), spec(null, null),
                seen("Pending", List.of(), List.of(), List.of()), false));
    }

    @Test
    void aDeleteDisablesConnectedEndpointsOnlyWhenAskedAndWaitsForThoseOnTheirWay() {
        ServiceObservation held = seen("Active", List.of(LB1), List.of(), List.of(
                new ServiceObservation.Connection("ep-gone", "2", "Disconnected"),
                new ServiceObservation.Connection("ep-1", "2", "Connected")));
        assertInstanceOf(OperationStep.Wait.class, observed(job(Operation.DeleteService), null, held, false));
        OperationStep.Call disable = assertInstanceOf(OperationStep.Call.class,
                observed(job(Operation.DeleteService), null, held, true));
        assertEquals(new ServiceChange.DisableConnection("ep-1"), disable.change());
        assertInstanceOf(OperationStep.Wait.class, observed(job(Operation.DeleteService), null, seen("Active",
                List.of(), List.of(), List.of(new ServiceObservation.Connection("ep-1", "2", "Disconnecting"))),
                true));
        OperationStep.Call detach = assertInstanceOf(OperationStep.Call.class, observed(job(Operation.DeleteService),
                null, seen("Active", List.of(LB1), List.of(), List.of()), false));
        assertEquals(new ServiceChange.DetachResource(LB1), detach.change());
        OperationStep.Call delete = assertInstanceOf(OperationStep.Call.class, observed(job(Operation.DeleteService),
                null, seen("Active", List.of(), List.of(), List.of()), false));
        assertEquals(new ServiceChange.DeleteService(), delete.change());
        assertInstanceOf(OperationStep.ServiceDone.class, observed(job(Operation.DeleteService), null,
                ServiceObservation.gone(), false));
    }

    @Test
    void pastItsDeadlineADeleteHeldByConnectionsSaysSoAndAnyOtherTimesOut() {
        VpcEndpointJob late = job(Operation.DeleteService);
        late.deadlineAt = NOW.minusSeconds(1);
        ServiceObservation held = seen("Active", List.of(), List.of(), List.of(
                new ServiceObservation.Connection("ep-1", "2", "Connected")));
        OperationStep.Fail dependence = assertInstanceOf(OperationStep.Fail.class, observed(late, null, held, false));
        assertEquals(ApiErrors.SERVICE_CONNECTION_DEPENDENCE, dependence.code());
        assertTrue(dependence.message().contains("ep-1 Connected"), dependence.message());
        OperationStep.Fail timedOut = assertInstanceOf(OperationStep.Fail.class, observed(late, null,
                seen("Pending", List.of(), List.of(), List.of()), false));
        assertEquals(ApiErrors.PROVISIONING_TIMEOUT, timedOut.code());
    }

    @Test
    void changesAlreadyInForceCountAsMadeAndBusyOrHeldServicesAreRetried() {
        VpcEndpointJob job = job(Operation.DeleteService);
        assertInstanceOf(OperationStep.ServiceDone.class, decisions.afterCall(job, List.of(),
                new ServiceChange.DeleteService(), cloud(CloudErrors.SERVICE_NOT_FOUND), NOW));
        assertEquals(new OperationStep.Applied("AttachResourceToVpcEndpointService lb-1", NOW), decisions.afterCall(
                job, List.of(), new ServiceChange.AttachResource(LB1), cloud(CloudErrors.RESOURCE_EXISTS), NOW));
        assertEquals(new OperationStep.Applied("DetachResourceFromVpcEndpointService lb-1", NOW), decisions.afterCall(
                job, List.of(), new ServiceChange.DetachResource(LB1), cloud(CloudErrors.RESOURCE_NOT_FOUND), NOW));
        OperationStep.Wait held = assertInstanceOf(OperationStep.Wait.class, decisions.afterCall(job, List.of(),
                new ServiceChange.DeleteService(), cloud(CloudErrors.SERVICE_CONNECTION_DEPENDENCE), NOW));
        assertTrue(held.failed());
        assertInstanceOf(OperationStep.Wait.class, decisions.afterCall(job, List.of(), new ServiceChange.AddUser("2"),
                cloud("EndpointServiceLocked"), NOW));
        assertEquals("Mismatch.UserIdAndUserArn", assertInstanceOf(OperationStep.Fail.class, decisions.afterCall(job,
                List.of(), new ServiceChange.AddUser("2"), cloud("Mismatch.UserIdAndUserArn"), NOW)).code());
    }

    @Test
    void anOperationWaitsBehindAnEarlierOneAndAnAdoptionOfAManagedServiceFails() {
        VpcEndpointJob update = job(Operation.UpdateService);
        update.status = JobStatus.Accepted;
        assertInstanceOf(OperationStep.Queue.class, decisions.start(update, "job-0", false, NOW));
        assertInstanceOf(OperationStep.Start.class, decisions.start(update, null, false, NOW));
        VpcEndpointJob adopt = job(Operation.AdoptService);
        adopt.status = JobStatus.Accepted;
        assertEquals(ApiErrors.SERVICE_MANAGED, assertInstanceOf(OperationStep.Fail.class,
                decisions.start(adopt, null, true, NOW)).code());
    }
}
