package io.privatelink.provisioner.provisioning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.api.RequestFingerprint;
import io.privatelink.provisioner.api.RequestIds;
import io.privatelink.provisioner.api.RequestReader;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.AccountPolicy;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.callbacks.CallbackTargets;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.CloudAccounts;
import io.privatelink.provisioner.config.ProvisionerConfig;
import io.privatelink.provisioner.job.JobOwner;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.Operation;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.messaging.JobEventPublisher;
import io.privatelink.provisioner.messaging.ProvisionCommandSender;
import io.privatelink.provisioner.telemetry.Tracing;
import io.smallrye.mutiny.Uni;

/**
 * Validates a CreateVpcEndpoint request, records it as an Accepted job of its caller and queues its ProvisionCommand.
 * The same caller's ClientToken with the same parameters gives back the same job.
 */
@ApplicationScoped
public class AcceptVpcEndpoint {

    private static final Logger LOG = Logger.getLogger(AcceptVpcEndpoint.class);

    private final JobRepository jobs;
    private final ProvisionCommandSender sender;
    private final CloudAccounts cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final ProvisionerConfig config;
    private final RequestValidator validator;
    private final FailureClassifier failures;
    private final JobEventPublisher events;
    private final AcceptPriority priority;
    private final AccountPolicy accounts;
    private final CallbackTargets targets;

    public AcceptVpcEndpoint(JobRepository jobs, ProvisionCommandSender sender, CloudAccounts cloud,
            ReactiveContext context, JobViews views, ProvisionerConfig config, RequestValidator validator,
            FailureClassifier failures, JobEventPublisher events, AcceptPriority priority, AccountPolicy accounts,
            CallbackTargets targets) {
        this.targets = targets;
        this.accounts = accounts;
        this.priority = priority;
        this.events = events;
        this.failures = failures;
        this.validator = validator;
        this.jobs = jobs;
        this.sender = sender;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.config = config;
    }

    /** A caller's request, from HTTP: validated, then checked by DryRun or recorded and queued. */
    public Uni<CreateVpcEndpointResponse> fromCaller(CreateVpcEndpointRequest request, Caller caller) {
        return priority.accepting(() -> context.run(back -> accept(request, caller, back)));
    }

    /**
     * A request another system published on the requests topic: the same reading and rules as HTTP; a refused one
     * becomes a Failed job with the rule's Code (and its event). A failure that is not a refusal is left to the
     * caller to retry.
     */
    public Uni<Void> fromTopic(String topic, ObjectNode request) {
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        return context.run(back -> Uni.createFrom().item(() -> RequestReader.read(body))
                .flatMap(parsed -> accept(parsed, Caller.topic(topic), back))
                .replaceWithVoid()
                .onFailure(ApiException.class).recoverWithUni(e -> refused(topic, request, (ApiException) e)));
    }

    private Uni<Void> refused(String topic, JsonNode request, ApiException error) {
        return refused(Operation.Create, topic, request, error);
    }

    /** A request from the topic that breaks a rule, recorded as a Failed job of its operation with the rule's Code. */
    Uni<Void> refused(Operation operation, String topic, JsonNode request, ApiException error) {
        if (error.httpStatus() >= 500) {
            return Uni.createFrom().failure(error);
        }
        String token = text(request, "ClientToken");
        VpcEndpointJob job = VpcEndpointJob.accepted(JobOwner.topic(topic),
                ParameterForms.isClientToken(token) ? token : UUID.randomUUID().toString(),
                "refused", request.toString(), idOrEmpty(text(request, "RegionId")), idOrEmpty(text(request, "VpcId")),
                Instant.now());
        job.operation = operation;
        return events.after(jobs.recordRefused(job, error.code(), error.getMessage()), job.jobId)
                .invoke(recorded -> LOG.infof("request from %s refused with %s%s", topic, error.code(),
                        recorded ? " as job " + job.jobId : " (its ClientToken " + job.clientToken + " is taken)"))
                .replaceWithVoid();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** The refused request's ids, where they are ids at all: its columns must take what a hostile record holds. */
    private static String idOrEmpty(String s) {
        return ParameterForms.isResourceId(s) ? s : "";
    }

    /** Validation, then DryRun or the durable record; shared by HTTP and the requests topic. */
    private Uni<CreateVpcEndpointResponse> accept(CreateVpcEndpointRequest request, Caller caller,
            java.util.concurrent.Executor back) {
        if (request == null) {
            return Uni.createFrom().failure(ApiErrors.invalidParameter("The request body must be a JSON object."));
        }
        try {
            validator.validate(request);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        String account;
        try {
            account = accounts.accountFor(caller, request.account());
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        String clientToken = request.clientToken() != null ? request.clientToken() : UUID.randomUUID().toString();
        return targets.forJob(caller.owner().tenant(), request.notificationUrl())
                .flatMap(url -> request.isDryRun() ? dryRun(request, account, caller.owner().tenant(), clientToken)
                        : record(request.withClientToken(clientToken), account, url, caller, back));
    }

    private Uni<CreateVpcEndpointResponse> dryRun(CreateVpcEndpointRequest request, String account, String tenant,
            String clientToken) {
        return cloud.of(account, tenant).checkCreate(request.cloudParameters(), clientToken)
                .onFailure().transform(failure -> failure instanceof CloudException e
                        ? ApiErrors.cloudRefused(e.code(), e.getMessage(), e.isRetryable())
                        : failures.toApi(failure, "CreateVpcEndpoint DryRun"))
                .onItem().transformToUni(passed -> Uni.createFrom().failure(ApiErrors.dryRunPassed()));
    }

    private Uni<CreateVpcEndpointResponse> record(CreateVpcEndpointRequest request, String account,
            String notificationUrl, Caller caller, java.util.concurrent.Executor back) {
        Instant now = Instant.now();
        VpcEndpointJob job = VpcEndpointJob.accepted(caller.owner(), request.clientToken(), RequestFingerprint.of(request),
                views.writeRequest(request), request.regionId(), request.vpcId(), now);
        job.notifyAt(notificationUrl, request.notifyOn());
        job.nextAttemptAt = now.plus(config.accept().resendAfter());
        job.deadlineAt = request.deadline() == null ? null : now.plusSeconds(request.deadline());
        job.account = account;
        job.traceParent = Tracing.traceParent();
        return jobs.accept(job, "accepted")
                .ifNoItem().after(config.accept().timeout()).fail()
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> failures.toApi(e, "CreateVpcEndpoint"))
                .emitOn(back)
                .flatMap(accepted -> {
                    VpcEndpointJob recorded = accepted.job();
                    Tracing.tag(recorded);
                    if (!accepted.created()) {
                        if (!recorded.requestFingerprint.equals(job.requestFingerprint)) {
                            return Uni.createFrom().failure(ApiErrors.idempotenceMismatch());
                        }
                        return Uni.createFrom().item(response(recorded));
                    }
                    // The Accepted event goes out with the job's next change (or the reconciler's sweep of stale
                    // events): publishing it here would cost every accept a second transaction.
                    return sender.send(recorded.jobId).replaceWith(response(recorded));
                });
    }

    private static CreateVpcEndpointResponse response(VpcEndpointJob job) {
        return new CreateVpcEndpointResponse(RequestIds.next(), job.jobId, job.status.name(), job.clientToken,
                CreateVpcEndpointResponse.statusUrl(job.jobId));
    }
}
