package io.privatelink.provisioner.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ServiceResource;
import io.privatelink.provisioner.api.ServiceSpec;
import io.privatelink.provisioner.cloud.ServiceObservation;
import io.privatelink.provisioner.fakes.InMemoryCloud;
import io.privatelink.provisioner.fakes.UseCaseTest;
import io.privatelink.provisioner.fakes.UseCases;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.ManagedService;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * Operations on an endpoint service (create, update, delete, adopt), step by step as the reconciler hands them over,
 * over an in-memory record and cloud.
 */
class RunServiceOperationTest extends UseCaseTest {

    static final String CREATE = """
            {"RegionId": "cn-hangzhou", "Resource": [{"ResourceId": "lb-1", "ResourceType": "slb"}],
             "User": ["2000"], "ConnectBandwidth": 2048, "ServiceDescription": "orders"}""";

    /** A service created through its job, Active as asked: its ServiceId. */
    String created() {
        String create = accepted(world.createService, CREATE);
        VpcEndpointJob job = step(create);
        assertEquals(JobStatus.Creating, job.status);
        String serviceId = job.endpointId;
        assertTrue(serviceId.startsWith("epsrv-"), "the create's answer is kept: " + serviceId);
        assertEquals(List.of(JobStatus.Accepted, JobStatus.Provisioning, JobStatus.Creating),
                world.jobs.statuses(create), "Creating once the service has its id");
        job = step(create);
        assertEquals(JobStatus.Creating, job.status, "waits while the service is Creating");
        cloud().setService(serviceId, "Active");
        assertEquals(JobStatus.Active, run(create, 6).status);
        return serviceId;
    }

    ManagedService managed(String serviceId) {
        return world.jobs.managedService(serviceId).await().indefinitely();
    }

    ServiceSpec desired(String serviceId) {
        return world.views.read(managed(serviceId).desiredJson, ServiceSpec.class);
    }

    @Test
    void aCreateMakesTheServiceOnceThenAllowsItsUsersAndSetsWhatTheCreateCannotTake() {
        String serviceId = created();
        ServiceObservation seen = cloud().service(serviceId);
        assertEquals(List.of(InMemoryCloud.OWNER, "2000"), seen.users());
        assertEquals("2048", seen.attributes().get("ConnectBandwidth"));
        assertEquals(List.of(new ServiceResource("lb-1", "slb", null)), seen.resources());
        assertEquals(1, cloud().calls("CreateVpcEndpointService").size());
        ManagedService m = managed(serviceId);
        assertEquals(ManagedService.Status.Active, m.status);
        assertEquals(UseCases.CALLER.owner().tenant(), m.callerTenant);
        assertEquals(List.of("2000"), desired(serviceId).user());
    }

    @Test
    void anUpdateAttachesBeforeItDetachesAndRemovesOnlyTheAccountsItAdded() {
        String serviceId = created();
        String update = accepted(world.updateService, "{\"ServiceId\": \"" + serviceId + "\", \"Resource\": "
                + "[{\"ResourceId\": \"lb-2\", \"ResourceType\": \"slb\"}], \"User\": [\"3000\"]}");
        assertEquals(JobStatus.Updated, run(update, 12).status);
        assertEquals(List.of("UpdateVpcEndpointService", "Updating"), List.of(job(update).operation.action(),
                world.jobs.statuses(update).get(1).name()));
        assertEquals(List.of("AttachResourceToVpcEndpointService lb-2", "DetachResourceFromVpcEndpointService lb-1",
                "AddUserToVpcEndpointService 3000", "RemoveUserFromVpcEndpointService 2000"),
                world.views.strings(job(update).appliedJson));
        ServiceObservation seen = cloud().service(serviceId);
        assertEquals(List.of(InMemoryCloud.OWNER, "3000"), seen.users(), "the owner's own account stays");
        assertEquals(List.of("3000"), desired(serviceId).user());
        assertEquals("orders", desired(serviceId).serviceDescription(), "what the update left out stays desired");
    }

    @Test
    void aDeleteWaitsForConnectedEndpointsUntilItsDeadlineUnlessAskedToDisableThem() {
        String serviceId = created();
        cloud().putConnection(serviceId, "ep-consumer1", "Connected");
        String waiting = accepted(world.deleteService, "{\"ServiceId\": \"" + serviceId + "\", \"Deadline\": 30}");
        VpcEndpointJob failed = run(waiting, 50);
        assertEquals(JobStatus.Failed, failed.status);
        assertEquals(ApiErrors.SERVICE_CONNECTION_DEPENDENCE, failed.errorCode);
        assertTrue(cloud().service(serviceId).exists());

        String delete = accepted(world.deleteService, "{\"ServiceId\": \"" + serviceId
                + "\", \"DisableConnections\": true}");
        assertEquals(JobStatus.Deleted, run(delete, 12).status);
        assertEquals(List.of("DisableVpcEndpointConnection ep-consumer1", "DetachResourceFromVpcEndpointService lb-1",
                "DeleteVpcEndpointService"), world.views.strings(job(delete).appliedJson));
        assertTrue(!cloud().service(serviceId).exists());
        assertNull(managed(serviceId), "no longer managed");
        assertTrue(world.jobs.services().values().stream().anyMatch(m -> m.serviceId.equals(serviceId)
                && m.status == ManagedService.Status.Deleted), "its record stays, Deleted");
    }

    @Test
    void anAdoptedServiceIsManagedAsFoundAndAnotherTenantsCallsFindNoSuchService() {
        String serviceId = cloud().serviceMadeElsewhere();
        String adopt = accepted(world.adoptService, "{\"RegionId\": \"cn-hangzhou\", \"ServiceId\": \""
                + serviceId + "\"}");
        assertEquals(JobStatus.Adopted, run(adopt, 3).status);
        assertEquals(List.of(new ServiceResource("lb-elsewhere", "slb", null)), desired(serviceId).resource());
        assertNull(desired(serviceId).user(), "its allowed accounts are left to whoever listed them");

        ApiException again = assertThrows(ApiException.class, () -> accepted(world.adoptService,
                "{\"RegionId\": \"cn-hangzhou\", \"ServiceId\": \"" + serviceId + "\"}"));
        assertEquals(ApiErrors.SERVICE_MANAGED, again.code());
        ApiException other = assertThrows(ApiException.class, () -> world.accept.fromCaller(world.updateService,
                read(world.updateService, "{\"ServiceId\": \"" + serviceId + "\"}"), UseCases.OTHER_CALLER)
                .await().atMost(Duration.ofSeconds(5)));
        assertEquals(404, other.httpStatus());
        assertEquals(ApiErrors.SERVICE_NOT_FOUND, other.code());
    }

    @Test
    void operationsOnOneServiceRunOneAtATimeAndABusyServiceIsRetriedUnderTheSameToken() {
        String serviceId = created();
        String update = accepted(world.updateService, "{\"ServiceId\": \"" + serviceId
                + "\", \"ServiceDescription\": \"orders v2\"}");
        String delete = accepted(world.deleteService, "{\"ServiceId\": \"" + serviceId + "\"}");
        assertEquals(JobStatus.Queued, step(delete).status, "behind the update");
        cloud().refuseNext("UpdateVpcEndpointServiceAttribute", "EndpointServiceLocked", 400);
        assertEquals(JobStatus.Updated, run(update, 8).status);
        List<InMemoryCloud.Call> calls = cloud().calls("UpdateVpcEndpointServiceAttribute");
        assertEquals(calls.get(calls.size() - 2).clientToken(), calls.get(calls.size() - 1).clientToken());
        assertEquals("orders v2", cloud().service(serviceId).attributes().get("ServiceDescription"));
        assertEquals(JobStatus.Deleted, run(delete, 8).status);
    }

    @Test
    void aCreateThatFailsAfterItsServiceWasMadeLeavesItManagedAndAFailedUpdateKeepsWhatItAsked() {
        cloud().refuseNext("AddUserToVpcEndpointService", "Forbidden.NoPermission", 403);
        String create = accepted(world.createService, CREATE);
        String serviceId = step(create).endpointId;
        cloud().setService(serviceId, "Active");
        VpcEndpointJob failed = run(create, 6);
        assertEquals(JobStatus.Failed, failed.status);
        assertEquals(ManagedService.Status.Active, managed(serviceId).status, "made, so managed: its owner can delete it");

        String update = accepted(world.updateService, "{\"ServiceId\": \"" + serviceId + "\", \"User\": [\"2000\", "
                + "\"3000\"]}");
        cloud().refuseNext("UpdateVpcEndpointServiceAttribute", "Forbidden.NoPermission", 403);
        assertEquals(JobStatus.Failed, run(update, 10).status, "the accounts added, then the attributes refused");
        assertEquals(List.of("2000", "3000"), desired(serviceId).user(), "what it asked stays wanted");
        String release = accepted(world.updateService, "{\"ServiceId\": \"" + serviceId + "\", \"User\": []}");
        assertEquals(JobStatus.Updated, run(release, 10).status);
        assertEquals(List.of(InMemoryCloud.OWNER), cloud().service(serviceId).users(), "both released");
    }

    @Test
    void twoAdoptionsOfOneServiceAcceptedAtOnceRunOneAfterTheOtherAndTheSecondFindsItManaged() {
        String serviceId = cloud().serviceMadeElsewhere();
        String first = accepted(world.adoptService, "{\"RegionId\": \"cn-hangzhou\", \"ServiceId\": \"" + serviceId
                + "\", \"ClientToken\": \"first\"}");
        String second = accepted(world.adoptService, "{\"RegionId\": \"cn-hangzhou\", \"ServiceId\": \"" + serviceId
                + "\", \"ClientToken\": \"second\"}");
        assertEquals(JobStatus.Queued, step(second).status, "behind the first");
        assertEquals(JobStatus.Adopted, run(first, 3).status);
        VpcEndpointJob refused = run(second, 3);
        assertEquals(JobStatus.Failed, refused.status);
        assertEquals(ApiErrors.SERVICE_MANAGED, refused.errorCode);
        assertEquals(job(first).resourceKey, managed(serviceId).resourceKey, "its operations share the adoption's key");
    }
}
