package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.AdoptVpcEndpointRequest;
import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.CancelVpcEndpointJobRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.DeleteVpcEndpointRequest;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.OperationRequest;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.api.RequestFingerprint;
import io.privatelink.provisioner.api.RequestIds;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.api.UpdateVpcEndpointRequest;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.callbacks.CallbackTargets;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.EndpointChange;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.cloud.CloudAccounts;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobOwner;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.privatelink.provisioner.messaging.ProvisionCommandSender;
import io.privatelink.provisioner.telemetry.Tracing;
import io.smallrye.mutiny.Uni;

/**
 * Accepts an operation on an endpoint (DeleteVpcEndpoint, UpdateVpcEndpoint, AdoptVpcEndpoint) as a job of its caller,
 * as CreateVpcEndpoint is accepted: validated, checked by DryRun or recorded and queued, the caller's ClientToken
 * giving back the same job. The endpoint must be the caller's; any other answers as a missing one. A delete of an
 * endpoint whose create job has not reached the cloud cancels that job instead, so the cloud never hears of it.
 * CancelVpcEndpointJob is answered at once: whether a job has reached the cloud is decided under its lock.
 */
@ApplicationScoped
public class AcceptOperation {

    /** The endpoint an operation is for: the key its operations share, where it is, and what is known of it. */
    private record Target(String resourceKey, String account, String regionId, String endpointId,
            VpcEndpointJob root, ManagedEndpoint managed) {
    }

    private final JobRepository jobs;
    private final ProvisionCommandSender sender;
    private final CloudAccounts cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final ProvisionerConfig config;
    private final RequestValidator validator;
    private final FailureClassifier failures;
    private final JobEventPublisher events;
    private final AcceptVpcEndpoint creates;
    private final AccountPolicy accounts;
    private final CallbackTargets targets;

    public AcceptOperation(JobRepository jobs, ProvisionCommandSender sender, CloudAccounts cloud,
            ReactiveContext context, JobViews views, ProvisionerConfig config, RequestValidator validator,
            FailureClassifier failures, JobEventPublisher events, AcceptVpcEndpoint creates, AccountPolicy accounts,
            CallbackTargets targets) {
        this.targets = targets;
        this.accounts = accounts;
        this.creates = creates;
        this.jobs = jobs;
        this.sender = sender;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.config = config;
        this.validator = validator;
        this.failures = failures;
        this.events = events;
    }

    public Uni<CreateVpcEndpointResponse> delete(DeleteVpcEndpointRequest request, Caller caller) {
        return accept(Operation.Delete, request, caller);
    }

    public Uni<CreateVpcEndpointResponse> update(UpdateVpcEndpointRequest request, Caller caller) {
        return accept(Operation.Update, request, caller);
    }

    public Uni<CreateVpcEndpointResponse> adopt(AdoptVpcEndpointRequest request, Caller caller) {
        return accept(Operation.Adopt, request, caller);
    }

    /** The request types of the operations, by the action that names them (on HTTP, and on the requests topic). */
    private static final java.util.Map<String, Class<? extends OperationRequest>> TYPES = java.util.Map.of(
            Operation.Delete.action(), DeleteVpcEndpointRequest.class,
            Operation.Update.action(), UpdateVpcEndpointRequest.class,
            Operation.Adopt.action(), AdoptVpcEndpointRequest.class);

    /**
     * An operation another system published on the requests topic, its Action named: the same reading and rules as
     * HTTP; a refused one (an unknown Action among them) becomes a Failed job with the rule's Code.
     */
    public Uni<Void> fromTopic(String action, String topic, com.fasterxml.jackson.databind.node.ObjectNode request) {
        Operation operation = java.util.Arrays.stream(Operation.values()).filter(o -> o.action().equals(action))
                .findFirst().orElse(Operation.Create);
        Class<? extends OperationRequest> type = TYPES.get(action);
        if (type == null) {
            return creates.refused(operation, topic, request, ApiErrors.actionNotFound(action));
        }
        byte[] body = request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Uni.createFrom().item(() -> io.privatelink.provisioner.api.RequestReader.read(body, type, action))
                .flatMap(parsed -> accept(operation, parsed, Caller.topic(topic)))
                .replaceWithVoid()
                .onFailure(ApiException.class)
                .recoverWithUni(e -> creates.refused(operation, topic, request, (ApiException) e));
    }

    private Uni<CreateVpcEndpointResponse> accept(Operation operation, OperationRequest request, Caller caller) {
        if (request == null) {
            return Uni.createFrom().failure(ApiErrors.invalidParameter("The request body must be a JSON object."));
        }
        String tokenAccount;
        try {
            validator.validateOperation(request, operation.onManagedEndpoint());
            // An adoption names its account; the other operations act in their endpoint's, whichever that is.
            tokenAccount = operation == Operation.Adopt
                    ? accounts.accountFor(caller, ((AdoptVpcEndpointRequest) request).account())
                    : null;
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        OperationRequest r = request.clientToken() != null ? request
                : request.withClientToken(UUID.randomUUID().toString());
        String fingerprint = RequestFingerprint.of(operation.action(), r);
        return context.run(back -> replay(caller.owner(), tokenAccount, r, fingerprint)
                .flatMap(held -> held != null ? Uni.createFrom().item(response(held))
                        : target(operation, r, caller, tokenAccount).flatMap(target -> checked(operation, r, target)
                                .flatMap(ok -> targets.forJob(caller.owner().tenant(), r.notificationUrl()))
                                .flatMap(url -> r.isDryRun() ? dryRun(operation, target, r, caller)
                                        : record(operation, r, caller, fingerprint, target, url, back))))
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> failures.toApi(e, operation.action())));
    }

    /**
     * The job that already holds the caller's ClientToken (in this account, when known), if its parameters are the
     * same; null when none does.
     */
    private Uni<VpcEndpointJob> replay(JobOwner owner, String account, OperationRequest r, String fingerprint) {
        return jobs.byClientToken(owner, account, r.clientToken()).map(held -> {
            if (held != null && !held.requestFingerprint.equals(fingerprint)) {
                throw ApiErrors.idempotenceMismatch();
            }
            return held;
        });
    }

    /** What the operation acts on; an adoption in {@code account}, the others in their endpoint's. */
    private Uni<Target> target(Operation operation, OperationRequest r, Caller caller, String account) {
        if (operation == Operation.Adopt) {
            return jobs.managedById(r.endpointId()).map(managed -> {
                if (managed != null) {
                    throw ApiErrors.endpointManaged(r.endpointId());
                }
                return new Target(null, account, r.regionId(), r.endpointId(), null, null);
            });
        }
        if (r.endpointId() == null) {
            return jobs.byId(r.jobId()).flatMap(job -> {
                if (job == null || !caller.owner().equals(job.owner())) {
                    return Uni.createFrom().failure(ApiErrors.jobNotFound(r.jobId()));
                }
                return jobs.byId(job.endpointKey()).flatMap(root -> withManaged(root, r.jobId(), caller));
            });
        }
        return jobs.managedById(r.endpointId()).flatMap(managed -> managed != null
                ? (caller.owner().equals(managed.owner()) && regionMatches(r, managed.regionId)
                        ? jobs.byId(managed.resourceKey).map(root -> new Target(managed.resourceKey, managed.account,
                                managed.regionId, managed.endpointId, root, managed))
                        : Uni.createFrom().failure(ApiErrors.endpointNotFound(r.endpointId())))
                // Not managed (yet, or no longer): the caller's create job that made it, unless it was deleted since.
                : jobs.createJobOf(caller.owner(), r.endpointId()).flatMap(root -> root == null
                        || !regionMatches(r, root.regionId)
                                ? Uni.createFrom().failure(ApiErrors.endpointNotFound(r.endpointId()))
                                : withManaged(root, r.endpointId(), caller)));
    }

    private Uni<Target> withManaged(VpcEndpointJob root, String named, Caller caller) {
        if (root == null || !caller.owner().equals(root.owner())) {
            return Uni.createFrom().failure(ApiErrors.jobNotFound(named));
        }
        return jobs.managedEndpoint(root.jobId).map(managed -> {
            if (managed != null && managed.status == ManagedEndpoint.Status.Deleted) {
                throw ApiErrors.endpointNotFound(managed.endpointId);
            }
            return new Target(root.jobId, root.account, root.regionId, root.endpointId, root, managed);
        });
    }

    private static boolean regionMatches(OperationRequest r, String regionId) {
        return r.regionId() == null || r.regionId().equals(regionId);
    }

    /** An update's shared parameters, by create's rules, for the endpoint's own type and IP version. */
    private Uni<Boolean> checked(Operation operation, OperationRequest r, Target target) {
        if (!(r instanceof UpdateVpcEndpointRequest update)) {
            return Uni.createFrom().item(true);
        }
        String type = null;
        String ipVersion = null;
        if (target.root() != null && target.root().operation == Operation.Create) {
            CreateVpcEndpointRequest made = views.request(target.root());
            type = made.endpointType();
            ipVersion = made.addressIpVersion();
        }
        validator.validateShared(update.asCreateShape(target.regionId(), type, ipVersion));
        return Uni.createFrom().item(true);
    }

    /**
     * DryRun: a delete asks the cloud's own DryRun; an adoption needs the endpoint to be there; an update's rules
     * were checked. Nothing is recorded.
     */
    private Uni<CreateVpcEndpointResponse> dryRun(Operation operation, Target target, OperationRequest r,
            Caller caller) {
        PrivateLinkClient inAccount = cloud.of(target.account(), caller.owner().tenant());
        Uni<Void> check;
        if (operation == Operation.Adopt) {
            check = inAccount.observe(target.regionId(), target.endpointId()).map(seen -> {
                if (!seen.exists()) {
                    throw ApiErrors.endpointNotFound(target.endpointId());
                }
                return null;
            });
        } else if (operation == Operation.Delete && target.endpointId() != null) {
            check = inAccount.change(target.regionId(), target.endpointId(), new EndpointChange.DeleteEndpoint(),
                    r.clientToken(), true);
        } else {
            check = Uni.createFrom().voidItem();
        }
        return check.onFailure(CloudException.class).transform(failure -> {
            CloudException e = (CloudException) failure;
            return ApiErrors.cloudRefused(e.code(), e.getMessage(), e.isRetryable());
        }).onItem().transformToUni(passed -> Uni.createFrom().failure(ApiErrors.dryRunPassed()));
    }

    private Uni<CreateVpcEndpointResponse> record(Operation operation, OperationRequest r, Caller caller,
            String fingerprint, Target target, String notificationUrl, Executor back) {
        Instant now = Instant.now();
        VpcEndpointJob job = VpcEndpointJob.accepted(caller.owner(), r.clientToken(), fingerprint,
                views.writeRequest(r), target.regionId(), "", now);
        job.notifyAt(notificationUrl, r.notifyOn());
        job.operation = operation;
        job.resourceKey = target.resourceKey();
        job.account = target.account();
        job.endpointId = target.endpointId();
        job.deadlineAt = r.deadline() == null ? null : now.plusSeconds(r.deadline());
        job.nextAttemptAt = now.plus(config.accept().resendAfter());
        job.traceParent = Tracing.traceParent();
        return cancelUnsent(operation, target)
                .chain(() -> jobs.accept(job, "accepted"))
                .ifNoItem().after(config.accept().timeout()).fail()
                .emitOn(back)
                .flatMap(accepted -> {
                    VpcEndpointJob recorded = accepted.job();
                    if (!accepted.created()) {
                        return recorded.requestFingerprint.equals(fingerprint) ? Uni.createFrom().item(response(recorded))
                                : Uni.createFrom().failure(ApiErrors.idempotenceMismatch());
                    }
                    return sender.send(recorded.jobId).replaceWith(response(recorded));
                });
    }

    /** A delete of an endpoint whose create job is still Accepted: that job is cancelled, the cloud never called. */
    private Uni<Void> cancelUnsent(Operation operation, Target target) {
        VpcEndpointJob root = target.root();
        if (operation != Operation.Delete || root == null || root.status != JobStatus.Accepted) {
            return Uni.createFrom().voidItem();
        }
        return events.after(jobs.update(root.jobId, (job, steps) -> {
            if (job.status == JobStatus.Accepted) {
                steps.add(job.moveTo(JobStatus.Cancelled, "cancelled by DeleteVpcEndpoint before it reached the "
                        + "cloud", Instant.now()));
            }
            return null;
        }), root.jobId).replaceWithVoid();
    }

    /**
     * CancelVpcEndpointJob: a job of the caller's that has not reached the cloud (Accepted, or Queued behind another
     * operation) ends Cancelled; one that has is refused. Answered with the job as it now stands.
     */
    public Uni<JobView> cancel(CancelVpcEndpointJobRequest request, Caller caller) {
        String jobId = request == null ? null : request.jobId();
        if (jobId == null || jobId.isBlank()) {
            return Uni.createFrom().failure(ApiErrors.missing("JobId", "JobId is mandatory for this action."));
        }
        if (!ParameterForms.isResourceId(jobId)) {
            return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_JOB_ID));
        }
        return context.run(back -> jobs.byId(jobId).flatMap(found -> {
            if (found == null || !caller.owner().equals(found.owner())) {
                return Uni.createFrom().failure(ApiErrors.jobNotFound(jobId));
            }
            if (request.isDryRun()) {
                return Uni.createFrom().failure(beforeTheCloud(found) || found.status == JobStatus.Cancelled
                        ? ApiErrors.dryRunPassed()
                        : ApiErrors.jobReachedCloud(jobId, found.status.name()));
            }
            return events.after(jobs.update(jobId, (job, steps) -> {
                if (beforeTheCloud(job)) {
                    steps.add(job.moveTo(JobStatus.Cancelled, "cancelled by CancelVpcEndpointJob", Instant.now()));
                    return true;
                }
                return job.status == JobStatus.Cancelled;
            }), jobId).flatMap(cancelled -> Boolean.TRUE.equals(cancelled) ? jobs.withHistory(jobId)
                    : jobs.byId(jobId).flatMap(now -> Uni.createFrom().<JobRepository.WithHistory> failure(
                            ApiErrors.jobReachedCloud(jobId, now.status.name()))));
        }).map(views::view)
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> failures.toApi(e, "CancelVpcEndpointJob")));
    }

    private static boolean beforeTheCloud(VpcEndpointJob job) {
        return job.status == JobStatus.Accepted || job.status == JobStatus.Queued;
    }

    private static CreateVpcEndpointResponse response(VpcEndpointJob job) {
        return new CreateVpcEndpointResponse(RequestIds.next(), job.jobId, job.status.name(), job.clientToken,
                CreateVpcEndpointResponse.statusUrl(job.jobId));
    }
}
