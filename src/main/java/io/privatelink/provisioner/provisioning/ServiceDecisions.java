package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ServiceSpec;
import io.privatelink.provisioner.cloud.CloudChange;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.ServiceChange;
import io.privatelink.provisioner.cloud.ServiceObservation;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * What an operation on an endpoint service does next (create, update, delete, adopt), as {@link OperationDecisions}
 * decides for an endpoint: observe, compare with what is wanted, make one change, observe again. A delete waits while
 * endpoints are connected (or disconnects them first when asked), detaches the resources, then deletes. Pure.
 */
@ApplicationScoped
public class ServiceDecisions {

    private final ProvisionerConfig.Retry retry;
    private final OperationDecisions operations;

    @jakarta.inject.Inject
    public ServiceDecisions(ProvisionerConfig config, RetrySchedule schedule) {
        this(config.retry(), schedule);
    }

    public ServiceDecisions(ProvisionerConfig.Retry retry, RetrySchedule schedule) {
        this.retry = retry;
        this.operations = new OperationDecisions(retry, schedule);
    }

    /** Does the operation wait behind an earlier one, start, or end already (an adoption of a managed service)? */
    public OperationStep start(VpcEndpointJob job, String earlierMoving, boolean managed, Instant now) {
        if (earlierMoving != null) {
            return new OperationStep.Queue(earlierMoving, now.plus(retry.queuedRecheck()));
        }
        if (job.operation == Operation.AdoptService && managed) {
            return OperationDecisions.fail(ApiErrors.SERVICE_MANAGED, "The endpoint service " + job.endpointId
                    + " is already managed by this service.");
        }
        return new OperationStep.Start(job.regionId, job.endpointId,
                job.deadlineAt != null ? job.deadlineAt : now.plus(retry.operationDeadline()));
    }

    /**
     * The service was observed ({@code seen} null: a create that has no service yet): the next step toward what the
     * operation wants. {@code released} are the allowed accounts an update no longer wants.
     */
    public OperationStep afterObserve(VpcEndpointJob job, List<String> applied, ServiceSpec desired,
            List<String> released, Map<String, String> createParameters, ServiceObservation seen, boolean disconnect,
            Instant now) {
        if (OperationDecisions.pastDeadline(job, now)) {
            return job.operation == Operation.DeleteService && seen != null && holding(seen)
                    ? OperationDecisions.fail(ApiErrors.SERVICE_CONNECTION_DEPENDENCE, "Endpoints are still "
                            + "connected to the service " + job.endpointId + " at the job's deadline "
                            + job.deadlineAt + ": " + connected(seen) + ".")
                    : OperationDecisions.timedOut(job, applied);
        }
        if (seen == null) {
            return operations.change(job, applied, new ServiceChange.Create(createParameters), now);
        }
        return switch (job.operation) {
            case CreateService, UpdateService -> !seen.exists() ? gone(job)
                    : !seen.isActive() ? operations.poll(job, now) : converge(job, applied, desired, released, seen, now);
            case AdoptService -> !seen.exists() ? gone(job) : seen.isInTransition() ? operations.poll(job, now)
                    : new OperationStep.ServiceDone(seen, "observed ServiceStatus " + seen.status() + " with "
                            + seen.resources().size() + " resources, " + seen.users().size() + " allowed accounts and "
                            + seen.connections().size() + " connections");
            case DeleteService -> delete(job, applied, seen, disconnect, now);
            default -> throw new IllegalArgumentException(job.operation + " is no operation on a service");
        };
    }

    private OperationStep converge(VpcEndpointJob job, List<String> applied, ServiceSpec desired,
            List<String> released, ServiceObservation seen, Instant now) {
        List<ServiceChange> plan = ServiceDiff.plan(desired, released, seen);
        return plan.isEmpty() ? new OperationStep.ServiceDone(seen, "the service is as desired after "
                + applied.size() + " changes") : operations.change(job, applied, plan.get(0), now);
    }

    /** Connections first (waited out, or disabled when asked), then the resources, then the service itself. */
    private OperationStep delete(VpcEndpointJob job, List<String> applied, ServiceObservation seen, boolean disconnect,
            Instant now) {
        if (!seen.exists()) {
            return new OperationStep.ServiceDone(seen, "EndpointServiceNotFound: the service is gone");
        }
        if (seen.isInTransition()) {
            return operations.poll(job, now);
        }
        List<ServiceObservation.Connection> holding = seen.connections().stream()
                .filter(ServiceObservation.Connection::holdsService).toList();
        if (!holding.isEmpty()) {
            return holding.stream().filter(c -> disconnect && "Connected".equals(c.status())).findFirst()
                    .map(c -> operations.change(job, applied, new ServiceChange.DisableConnection(c.endpointId()), now))
                    .orElseGet(() -> operations.poll(job, now));
        }
        if (!seen.resources().isEmpty()) {
            return operations.change(job, applied, new ServiceChange.DetachResource(seen.resources().get(0)), now);
        }
        return operations.change(job, applied, new ServiceChange.DeleteService(), now);
    }

    /**
     * The change's call answered (failure null) or failed: a change already in force counts as made, a delete of a
     * service already gone ends the job, connections still holding the service are waited out.
     */
    public OperationStep afterCall(VpcEndpointJob job, List<String> applied, CloudChange change, CallFailure failure,
            Instant now) {
        if (failure != null) {
            String code = failure.code();
            if (change instanceof ServiceChange.DeleteService && CloudErrors.SERVICE_NOT_FOUND.equals(code)) {
                return new OperationStep.ServiceDone(ServiceObservation.gone(), "EndpointServiceNotFound: the "
                        + "service was already gone");
            }
            if (change instanceof ServiceChange.AttachResource && CloudErrors.RESOURCE_EXISTS.equals(code)
                    || change instanceof ServiceChange.DetachResource && CloudErrors.RESOURCE_NOT_FOUND.equals(code)) {
                return new OperationStep.Applied(change.step(), now);
            }
            if (CloudErrors.SERVICE_CONNECTION_DEPENDENCE.equals(code)) {
                return operations.backOff(job, applied, failure, now);
            }
        }
        return operations.afterCall(job, applied, change, failure, now);
    }

    private static boolean holding(ServiceObservation seen) {
        return seen.connections().stream().anyMatch(ServiceObservation.Connection::holdsService);
    }

    private static String connected(ServiceObservation seen) {
        return seen.connections().stream().filter(ServiceObservation.Connection::holdsService)
                .map(c -> c.endpointId() + " " + c.status()).toList().toString();
    }

    private static OperationStep gone(VpcEndpointJob job) {
        return OperationDecisions.fail(ApiErrors.SERVICE_NOT_FOUND, "The endpoint service " + job.endpointId
                + " does not exist.");
    }
}
