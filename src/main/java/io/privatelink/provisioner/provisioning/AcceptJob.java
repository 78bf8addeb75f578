package io.privatelink.provisioner.provisioning;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.JobRequest;
import io.privatelink.provisioner.api.RequestIds;
import io.privatelink.provisioner.api.RequestReader;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.callbacks.CallbackTargets;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobOwner;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.ProvisionCommandSender;
import io.privatelink.provisioner.telemetry.Tracing;
import io.smallrye.mutiny.Uni;

/**
 * The one accept pipeline of every operation: the request read and held to its operation's rules, then checked by
 * DryRun, or recorded as an Accepted job of its caller (in a group commit) and its ProvisionCommand queued. The same
 * caller's ClientToken with the same parameters gives back the same job; with others, IdempotentParameterMismatch.
 */
@ApplicationScoped
public class AcceptJob {

    private final JobStore jobs;
    private final ProvisionCommandSender sender;
    private final ReactiveContext context;
    private final JobViews views;
    private final ProvisionerConfig config;
    private final FailureClassifier failures;
    private final AcceptPriority priority;
    private final CallbackTargets targets;
    private final RefusedRequests refusals;
    private final Clock clock;

    public AcceptJob(JobStore jobs, ProvisionCommandSender sender, ReactiveContext context, JobViews views,
            ProvisionerConfig config, FailureClassifier failures, AcceptPriority priority, CallbackTargets targets,
            RefusedRequests refusals, Clock clock) {
        this.jobs = jobs;
        this.sender = sender;
        this.context = context;
        this.views = views;
        this.config = config;
        this.failures = failures;
        this.priority = priority;
        this.targets = targets;
        this.refusals = refusals;
        this.clock = clock;
    }

    /** A caller's request, from HTTP. */
    public <R extends JobRequest> Uni<CreateVpcEndpointResponse> fromCaller(Admission<R> admission, R request,
            Caller caller) {
        return priority.accepting(() -> context.run(back -> accept(admission, request, caller, back)));
    }

    /**
     * A request another system published on the requests topic: the same reading and rules as HTTP; a refused one
     * becomes a Failed job with the rule's Code (and its event). A failure that is not a refusal is left to the
     * caller to retry.
     */
    public <R extends JobRequest> Uni<Void> fromTopic(Admission<R> admission, String topic, ObjectNode request) {
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        String action = admission.operation().action();
        return context.run(back -> Uni.createFrom().item(() -> RequestReader.read(body, admission.requestType(), action))
                .flatMap(parsed -> accept(admission, parsed, Caller.topic(topic), back))
                .replaceWithVoid()
                .onFailure(ApiException.class)
                .recoverWithUni(e -> refusals.record(admission.operation(), topic, request, (ApiException) e)));
    }

    private <R extends JobRequest> Uni<CreateVpcEndpointResponse> accept(Admission<R> admission, R request,
            Caller caller, Executor back) {
        if (request == null) {
            return Uni.createFrom().failure(ApiErrors.invalidParameter("The request body must be a JSON object."));
        }
        String account;
        try {
            account = admission.admit(request, caller);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        R r = request.clientToken() != null ? request
                : admission.requestType().cast(request.withClientToken(UUID.randomUUID().toString()));
        String fingerprint = admission.fingerprint(r);
        Uni<VpcEndpointJob> held = admission.replaysFirst() ? replay(caller.owner(), account, r, fingerprint)
                : Uni.createFrom().nullItem();
        return held.flatMap(job -> job != null ? Uni.createFrom().item(response(job))
                : admission.target(r, caller, account).flatMap(target -> targets.forJob(caller.owner().tenant(),
                        r.notificationUrl()).flatMap(url -> r.isDryRun() ? dryRun(admission, r, target, caller)
                                : record(admission, r, caller, fingerprint, target, url, back))))
                .onFailure(e -> !(e instanceof ApiException))
                .transform(e -> failures.toApi(e, admission.operation().action()));
    }

    /** The job that already holds the caller's ClientToken (in this account, when known); null when none does. */
    private Uni<VpcEndpointJob> replay(JobOwner owner, String account, JobRequest r, String fingerprint) {
        return jobs.byClientToken(owner, account, r.clientToken()).map(held -> {
            if (held != null && !held.requestFingerprint.equals(fingerprint)) {
                throw ApiErrors.idempotenceMismatch();
            }
            return held;
        });
    }

    /** Nothing is recorded: the answer is DryRunOperation when every check passed, else the refusal. */
    private <R extends JobRequest> Uni<CreateVpcEndpointResponse> dryRun(Admission<R> admission, R r,
            JobTarget target, Caller caller) {
        return admission.dryRun(r, target, caller).onFailure(CloudException.class).transform(failure -> {
            CloudException e = (CloudException) failure;
            return ApiErrors.cloudRefused(e.code(), e.getMessage(), e.isRetryable());
        }).onItem().transformToUni(passed -> Uni.createFrom().failure(ApiErrors.dryRunPassed()));
    }

    private <R extends JobRequest> Uni<CreateVpcEndpointResponse> record(Admission<R> admission, R r, Caller caller,
            String fingerprint, JobTarget target, String notificationUrl, Executor back) {
        VpcEndpointJob job = accepted(admission, r, caller.owner(), fingerprint, target, notificationUrl);
        return admission.beforeRecord(target)
                .chain(() -> jobs.accept(job, "accepted"))
                .ifNoItem().after(config.accept().timeout()).fail()
                .emitOn(back)
                .flatMap(accepted -> {
                    VpcEndpointJob recorded = accepted.job();
                    Tracing.tag(recorded);
                    if (!accepted.created()) {
                        return recorded.requestFingerprint.equals(fingerprint) ? Uni.createFrom().item(response(recorded))
                                : Uni.createFrom().failure(ApiErrors.idempotenceMismatch());
                    }
                    // The Accepted event goes out with the job's next change (or the reconciler's sweep of stale
                    // events): publishing it here would cost every accept a second transaction.
                    return sender.send(recorded.jobId).replaceWith(response(recorded));
                });
    }

    private VpcEndpointJob accepted(Admission<?> admission, JobRequest r, JobOwner owner, String fingerprint,
            JobTarget target, String notificationUrl) {
        Instant now = clock.instant();
        VpcEndpointJob job = VpcEndpointJob.accepted(owner, r.clientToken(), fingerprint, views.writeRequest(r),
                target.regionId(), target.vpcId(), now);
        job.operation = admission.operation();
        job.notifyAt(notificationUrl, r.notifyOn());
        job.resourceKey = target.resourceKey();
        job.account = target.account();
        job.endpointId = target.endpointId();
        job.deadlineAt = r.deadline() == null ? null : now.plusSeconds(r.deadline());
        job.nextAttemptAt = now.plus(config.accept().resendAfter());
        job.traceParent = Tracing.traceParent();
        return job;
    }

    private static CreateVpcEndpointResponse response(VpcEndpointJob job) {
        return new CreateVpcEndpointResponse(RequestIds.next(), job.jobId, job.status.name(), job.clientToken,
                CreateVpcEndpointResponse.statusUrl(job.jobId));
    }
}
