package io.privatelink.provisioner.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.CreateVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.DeleteVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.ServiceSpec;
import io.privatelink.provisioner.api.UpdateVpcEndpointServiceRequest;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.cloud.ServiceChange;
import io.privatelink.provisioner.cloud.ServiceObservation;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ManagedService;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.smallrye.mutiny.Uni;

/**
 * Moves an operation on an endpoint service one step, as {@link RunOperation} does for an endpoint: it starts once no
 * earlier operation on the same service is under way; then each step observes the service, asks
 * {@link ServiceDecisions} what to do, makes at most one call (the create's answer is the ServiceId the job keeps),
 * and records the outcome with the time of the next step; its end writes the managed service in the same transaction.
 */
@ApplicationScoped
public class RunServiceOperation {

    /** What the job wants, as read from its request and the service's record once per step. */
    private record Wanted(ServiceSpec desired, List<String> released, Map<String, String> createParameters,
            boolean disconnect) {
    }

    private final JobStore jobs;
    private final Clouds cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final ServiceDecisions decisions;
    private final OperationDecisions operations;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;
    private final Clock clock;

    public RunServiceOperation(JobStore jobs, Clouds cloud, ReactiveContext context, JobViews views,
            ServiceDecisions decisions, OperationDecisions operations, ProvisionerConfig config,
            JobEventPublisher events, Clock clock) {
        this.jobs = jobs;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.decisions = decisions;
        this.operations = operations;
        this.config = config;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Void> step(VpcEndpointJob job) {
        return context.run(back -> OperationDecisions.waitsToStart(job) ? start(job, back) : advance(job.jobId, back));
    }

    private Uni<Void> start(VpcEndpointJob snapshot, Executor back) {
        Uni<Boolean> managed = snapshot.operation != Operation.AdoptService ? Uni.createFrom().item(false)
                : jobs.managedService(snapshot.endpointId).map(m -> m != null);
        return jobs.earlierMoving(snapshot).flatMap(earlier -> managed.flatMap(adopted -> events.after(
                jobs.update(snapshot.jobId, (job, steps) -> {
                    if (!OperationDecisions.waitsToStart(job)) {
                        return null;
                    }
                    Instant now = clock.instant();
                    OperationStep next = decisions.start(job, earlier, adopted, now);
                    Boolean started = OperationRecords.started(job, steps, next, () -> job.endpointId == null
                            ? "creating the service" : "ServiceId " + job.endpointId + ", by " + job.callerSubject,
                            config.retry().callLease(), now);
                    if (started == null) {
                        end(job, steps, next, null, null, now);
                    }
                    return Boolean.TRUE.equals(started);
                }), snapshot.jobId).emitOn(back)
                .flatMap(started -> started == null ? Uni.createFrom().voidItem()
                        : started ? advance(snapshot.jobId, back)
                        : QueuedBehind.startIfEnded(jobs, earlier, () -> start(snapshot, back), back))));
    }

    /** One step of a started operation: observe, decide, perhaps call, record. */
    private Uni<Void> advance(String jobId, Executor back) {
        return jobs.byId(jobId).flatMap(job -> job == null || !job.operation.isWorking(job.status)
                ? Uni.createFrom().voidItem()
                : managedOf(job).flatMap(managed -> observe(job, managed, back)));
    }

    private Uni<ManagedService> managedOf(VpcEndpointJob job) {
        return job.endpointId == null || job.operation == Operation.AdoptService ? Uni.createFrom().nullItem()
                : jobs.managedService(job.endpointId);
    }

    private Uni<Void> observe(VpcEndpointJob job, ManagedService managed, Executor back) {
        List<String> applied = views.strings(job.appliedJson);
        Wanted wanted = wanted(job, managed);
        PrivateLinkClient client = cloud.of(job.account, job.callerTenant);
        Uni<ServiceObservation> seen = job.endpointId == null ? Uni.createFrom().nullItem()
                : client.observeService(job.regionId, job.endpointId);
        return seen.emitOn(back).onItemOrFailure().transformToUni((observation, failure) -> {
            Instant now = clock.instant();
            OperationStep next = failure == null ? decisions.afterObserve(job, applied, wanted.desired(),
                    wanted.released(), wanted.createParameters(), observation, wanted.disconnect(), now)
                    : operations.afterObserveFailed(job, applied, CallFailure.of(failure), now);
            if (!(next instanceof OperationStep.Call call)) {
                return record(job.jobId, next, managed, wanted.desired(), null);
            }
            Uni<String> made = call.change() instanceof ServiceChange.Create create
                    ? client.createService(create.parameters(), call.token(), false)
                    : client.change(job.regionId, job.endpointId, call.change(), call.token(), false).replaceWith("");
            return made.emitOn(back).onItemOrFailure().transformToUni((id, callFailure) -> record(job.jobId,
                    decisions.afterCall(job, applied, call.change(), callFailure == null ? null
                            : CallFailure.of(callFailure), clock.instant()),
                    managed, wanted.desired(), id == null || id.isEmpty() ? null : id));
        });
    }

    /** What the operation wants of the service, from its request and (for an update) the service's record. */
    private Wanted wanted(VpcEndpointJob job, ManagedService managed) {
        return switch (job.operation) {
            case CreateService -> {
                CreateVpcEndpointServiceRequest r = views.request(job, CreateVpcEndpointServiceRequest.class);
                yield new Wanted(r.spec(), List.of(), r.toApiParameters(), false);
            }
            case UpdateService -> {
                ServiceSpec before = managed == null ? new ServiceSpec(null, null, null, null, null, null, null)
                        : views.read(managed.desiredJson, ServiceSpec.class);
                ServiceSpec after = before.updatedBy(views.request(job, UpdateVpcEndpointServiceRequest.class));
                yield new Wanted(after, ServiceDiff.released(before, after), Map.of(), false);
            }
            case DeleteService -> new Wanted(null, List.of(), Map.of(), Boolean.TRUE.equals(
                    views.request(job, DeleteVpcEndpointServiceRequest.class).disableConnections()));
            default -> new Wanted(null, List.of(), Map.of(), false);
        };
    }

    /** A decided step recorded; {@code serviceId} is the create's answer, kept as the job's resource id. */
    private Uni<Void> record(String jobId, OperationStep next, ManagedService managed, ServiceSpec desired,
            String serviceId) {
        return events.after(jobs.update(jobId, (job, steps) -> {
            if (!job.operation.isWorking(job.status)) {
                return null;
            }
            Instant now = clock.instant();
            if (serviceId != null && next instanceof OperationStep.Applied) {
                // Managed from the moment it exists: a create that fails later leaves a service its owner can delete.
                job.endpointId = serviceId;
                ManagedService made = made(job, desired, now);
                made.status = ManagedService.Status.Active;
                made.updatedAt = now;
                job.serviceWrite = made;
            }
            boolean progressed = OperationRecords.progressed(job, steps, next, serviceId == null ? job.status
                    : JobStatus.Creating, serviceId == null ? null : "CreateVpcEndpointService: ServiceId " + serviceId,
                    views, now);
            if (!progressed) {
                end(job, steps, next, managed, desired, now);
            }
            return null;
        }), jobId).replaceWithVoid();
    }

    /** The operation's end: its state, its error or the service as last seen, and the managed service after it. */
    private void end(VpcEndpointJob job, List<JobHistoryEntry> steps, OperationStep next, ManagedService managed,
            ServiceSpec desired, Instant now) {
        if (OperationRecords.failed(job, steps, next, now)) {
            // What an update asked for stays wanted, so that an account it added before failing can be released.
            if (job.operation == Operation.UpdateService && managed != null) {
                managed.desiredJson = views.write(desired);
                managed.updatedAt = now;
                job.serviceWrite = managed;
            }
            return;
        }
        OperationStep.ServiceDone done = (OperationStep.ServiceDone) next;
        String observed = done.seen().exists() ? views.write(done.seen().view()) : null;
        if (observed != null) {
            job.endpointJson = observed;
        }
        steps.add(job.moveTo(job.operation.done(), done.detail(), now));
        ManagedService write = switch (job.operation) {
            case CreateService -> managed != null ? managed : made(job, desired, now);
            case AdoptService -> made(job, ServiceDiff.asSpec(done.seen()), now);
            case UpdateService, DeleteService -> managed;
            default -> null;
        };
        if (write != null) {
            write.status = job.operation == Operation.DeleteService ? ManagedService.Status.Deleted
                    : ManagedService.Status.Active;
            if (job.operation == Operation.UpdateService) {
                write.desiredJson = views.write(desired);
            }
            write.observedJson = observed;
            write.observedAt = now;
            write.updatedAt = now;
            job.serviceWrite = write;
        }
    }

    /**
     * The record of a service a create made or an adoption brought in, owned by the job's tenant, under the key its
     * operations share (the create's JobId; the adoption's key of the service).
     */
    private ManagedService made(VpcEndpointJob job, ServiceSpec desired, Instant now) {
        ManagedService m = new ManagedService();
        m.resourceKey = job.endpointKey();
        m.account = job.account;
        m.regionId = job.regionId;
        m.serviceId = job.endpointId;
        m.callerSubject = job.callerSubject;
        m.callerTenant = job.callerTenant;
        m.desiredJson = views.write(desired);
        m.createdAt = now;
        m.nextWatchAt = now;
        return m;
    }
}
