package io.privatelink.provisioner.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ConnectionDecisionRequest;
import io.privatelink.provisioner.api.EndpointSpec;
import io.privatelink.provisioner.api.UpdateVpcEndpointRequest;
import io.privatelink.provisioner.cloud.Clouds;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.Observation;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.smallrye.mutiny.Uni;

/**
 * Moves an operation on a managed endpoint (delete, update, adopt), or an owner's decision on a connection, one step
 * (an operation on an endpoint service goes to {@link RunServiceOperation}):
 * it starts once no earlier operation on the same endpoint is still under way (Queued meanwhile); then each step
 * observes the endpoint, asks {@link OperationDecisions} what to do, makes at most one change, and records the outcome
 * with the time of the next step. Every change carries a ClientToken of the job and the step, so a step tried again (after a crash, a lost
 * answer, a redelivered command) is made once.
 */
@ApplicationScoped
public class RunOperation {

    private final JobStore jobs;
    private final Clouds cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final OperationDecisions decisions;
    private final JobSteps jobSteps;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;
    private final RunServiceOperation services;
    private final Clock clock;

    public RunOperation(JobStore jobs, Clouds cloud, ReactiveContext context, JobViews views,
            OperationDecisions decisions, JobSteps jobSteps, ProvisionerConfig config, JobEventPublisher events,
            RunServiceOperation services, Clock clock) {
        this.clock = clock;
        this.services = services;
        this.jobs = jobs;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.decisions = decisions;
        this.jobSteps = jobSteps;
        this.config = config;
        this.events = events;
    }

    /** A job as the command consumer or the reconciler hands it over: started if it waits, else stepped. */
    public Uni<Void> step(VpcEndpointJob job) {
        if (job.operation.onService()) {
            return services.step(job);
        }
        return context.run(back -> OperationDecisions.waitsToStart(job) ? start(job, back) : advance(job.jobId, back));
    }

    private Uni<Void> start(VpcEndpointJob snapshot, Executor back) {
        Uni<VpcEndpointJob> root = snapshot.resourceKey == null ? Uni.createFrom().nullItem()
                : jobs.byId(snapshot.resourceKey);
        Uni<Boolean> managed = snapshot.operation != Operation.Adopt ? Uni.createFrom().item(false)
                : jobs.managedById(snapshot.endpointId).map(m -> m != null);
        return jobs.earlierMoving(snapshot).flatMap(earlier -> root.flatMap(made -> managed.flatMap(adopted -> events.after(
                jobs.update(snapshot.jobId, (job, steps) -> {
                    if (!OperationDecisions.waitsToStart(job)) {
                        return null;
                    }
                    Instant now = clock.instant();
                    OperationStep next = decisions.start(job, earlier, made, adopted, now);
                    if (next instanceof OperationStep.Start start) {
                        job.regionId = start.regionId();
                        job.endpointId = start.endpointId();
                    }
                    Boolean started = OperationRecords.started(job, steps, next, () -> startDetail(job),
                            config.retry().callLease(), now);
                    if (started == null) {
                        end(job, steps, next, null, null, now);
                    }
                    return Boolean.TRUE.equals(started);
                }), snapshot.jobId).emitOn(back)
                .flatMap(started -> started == null ? Uni.createFrom().voidItem()
                        : started ? advance(snapshot.jobId, back)
                        : QueuedBehind.startIfEnded(jobs, earlier, () -> start(snapshot, back), back)))));
    }

    /** The history row of the start: the endpoint, and for an owner's decision who made it and why. */
    private String startDetail(VpcEndpointJob job) {
        if (!job.operation.onConnection()) {
            return "EndpointId " + job.endpointId;
        }
        ConnectionDecisionRequest r = views.request(job, ConnectionDecisionRequest.class);
        return "EndpointId " + job.endpointId + " to service " + r.serviceId() + ", decided by " + job.callerSubject
                + (r.reason() == null ? "" : ": " + r.reason());
    }

    /** One step of a started operation: observe, decide, perhaps change, record. */
    private Uni<Void> advance(String jobId, Executor back) {
        return jobs.byId(jobId).flatMap(job -> job == null || job.status != job.operation.working()
                ? Uni.createFrom().voidItem()
                : job.operation.onConnection() ? decide(job, back)
                : managedOf(job).flatMap(managed -> observe(job, managed, back)));
    }

    /** One step of an owner's decision: the connection observed, the decision's call made once, recorded. */
    private Uni<Void> decide(VpcEndpointJob job, Executor back) {
        List<String> applied = views.strings(job.appliedJson);
        ConnectionDecisionRequest request = views.request(job, ConnectionDecisionRequest.class);
        EndpointChange decision = ConnectionAdmission.change(job.operation, request);
        return cloud.of(job.account, job.callerTenant).connection(job.regionId, decision.target(), job.endpointId)
                .emitOn(back).onItemOrFailure().transformToUni((seen, failure) -> {
                    Instant now = clock.instant();
                    OperationStep next = failure != null
                            ? decisions.afterObserveFailed(job, applied, CallFailure.of(failure), now)
                            : request.zones().isEmpty() ? decisions.afterConnectionObserved(job, applied, decision, seen, now)
                            : decisions.afterZonesObserved(job, applied, decision, request.zones(), seen, now);
                    return carryOut(job, applied, next, null, null, back);
                });
    }

    private Uni<ManagedEndpoint> managedOf(VpcEndpointJob job) {
        return job.resourceKey == null ? Uni.createFrom().nullItem() : jobs.managedEndpoint(job.resourceKey);
    }

    private Uni<Void> observe(VpcEndpointJob job, ManagedEndpoint managed, Executor back) {
        List<String> applied = views.strings(job.appliedJson);
        EndpointSpec desired = desired(job, managed);
        Uni<Observation> seen = job.operation == Operation.Delete
                ? cloud.of(job.account, job.callerTenant).observe(job.regionId, job.endpointId)
                : cloud.of(job.account, job.callerTenant).observeFully(job.regionId, job.endpointId);
        return seen.emitOn(back).onItemOrFailure().transformToUni((observation, failure) -> {
            Instant now = clock.instant();
            OperationStep next = failure == null ? decisions.afterObserve(job, applied, desired, observation, now)
                    : decisions.afterObserveFailed(job, applied, CallFailure.of(failure), now);
            return carryOut(job, applied, next, managed, desired, back);
        });
    }

    /** A decided step: a call made (and its outcome recorded), or the step recorded as it is. */
    private Uni<Void> carryOut(VpcEndpointJob job, List<String> applied, OperationStep next, ManagedEndpoint managed,
            EndpointSpec desired, Executor back) {
        if (!(next instanceof OperationStep.Call call)) {
            return record(job.jobId, next, managed, desired);
        }
        return cloud.of(job.account, job.callerTenant).change(job.regionId, job.endpointId, call.change(), call.token(),
                false)
                .emitOn(back)
                .onItemOrFailure().transformToUni((ok, callFailure) -> record(job.jobId,
                        decisions.afterCall(job, applied, call.change(),
                                callFailure == null ? null : CallFailure.of(callFailure), clock.instant()),
                        managed, desired));
    }

    /** What an update wants: the endpoint's desired state with the request's changes; null for the others. */
    private EndpointSpec desired(VpcEndpointJob job, ManagedEndpoint managed) {
        if (job.operation != Operation.Update) {
            return null;
        }
        EndpointSpec before = managed == null ? new EndpointSpec(null, null, null, null, null, null)
                : views.read(managed.desiredJson, EndpointSpec.class);
        return before.updatedBy(views.request(job, UpdateVpcEndpointRequest.class));
    }

    private Uni<Void> record(String jobId, OperationStep next, ManagedEndpoint managed, EndpointSpec desired) {
        return events.after(jobs.update(jobId, (job, steps) -> {
            if (job.status != job.operation.working()) {
                return null;
            }
            Instant now = clock.instant();
            if (!OperationRecords.progressed(job, steps, next, job.status, null, views, now)) {
                end(job, steps, next, managed, desired, now);
            }
            return null;
        }), jobId).replaceWithVoid();
    }

    /** The operation's end: its state, its error or the endpoint as last seen, and the managed endpoint after it. */
    private void end(VpcEndpointJob job, List<JobHistoryEntry> steps, OperationStep next, ManagedEndpoint managed,
            EndpointSpec desired, Instant now) {
        if (OperationRecords.failed(job, steps, next, now)) {
            return;
        }
        OperationStep.Done done = (OperationStep.Done) next;
        if (done.seen().exists()) {
            job.endpointJson = views.write(done.seen().attributes());
        }
        steps.add(job.moveTo(job.operation.done(), done.detail(), now));
        job.managedWrite = switch (job.operation) {
            case Delete -> managed == null ? null : deleted(managed, now);
            case Update -> managed == null ? null : updated(managed, views.write(desired), done.seen(), now);
            case Adopt -> jobSteps.managed(job, views.write(ObservedSpec.of(done.seen())), ObservedSpec.view(done.seen()),
                    now);
            default -> null;
        };
    }

    private static ManagedEndpoint deleted(ManagedEndpoint m, Instant now) {
        m.status = ManagedEndpoint.Status.Deleted;
        m.updatedAt = now;
        return m;
    }

    /** The endpoint as an update leaves it: what is now wanted of it, and as it was seen, in agreement. */
    private ManagedEndpoint updated(ManagedEndpoint m, String desiredJson, Observation seen, Instant now) {
        m.status = ManagedEndpoint.Status.Active;
        m.desiredJson = desiredJson;
        m.observedJson = views.write(ObservedSpec.view(seen));
        m.observedAt = now;
        m.driftJson = null;
        m.updatedAt = now;
        return m;
    }
}
