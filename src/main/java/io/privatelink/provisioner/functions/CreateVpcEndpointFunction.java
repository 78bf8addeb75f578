package io.privatelink.provisioner.functions;

import java.time.Instant;
import java.util.UUID;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.api.CreateVpcEndpointResponse;
import io.privatelink.provisioner.api.RequestFingerprint;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.auth.RequestAuthentication;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.privatelink.provisioner.provisioning.ProvisionerConfig;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Validates a CreateVpcEndpoint request, records it as an Accepted job of its caller and queues its ProvisionCommand.
 * The same caller's ClientToken with the same parameters gives back the same job.
 */
public class CreateVpcEndpointFunction {

    private final JobRepository jobs;
    private final ProvisionCommandSender sender;
    private final PrivateLinkClient cloud;
    private final ReactiveContext context;
    private final JobViews views;
    private final ProvisionerConfig config;
    private final RequestValidator validator;
    private final AcceptGate gate;
    private final FailureClassifier failures;

    public CreateVpcEndpointFunction(JobRepository jobs, ProvisionCommandSender sender, PrivateLinkClient cloud,
            ReactiveContext context, JobViews views, ProvisionerConfig config, RequestValidator validator,
            AcceptGate gate, FailureClassifier failures) {
        this.failures = failures;
        this.validator = validator;
        this.gate = gate;
        this.jobs = jobs;
        this.sender = sender;
        this.cloud = cloud;
        this.context = context;
        this.views = views;
        this.config = config;
    }

    @Funq("CreateVpcEndpoint")
    public Uni<CreateVpcEndpointResponse> createVpcEndpoint(CreateVpcEndpointRequest request) {
        RoutingContext http = HttpExchange.current();
        Caller caller = RequestAuthentication.caller(http);
        if (caller == null) {
            return Uni.createFrom().failure(ApiErrors.missingToken("CreateVpcEndpoint needs an authenticated caller."));
        }
        // The strict reader's request, when the HTTP edge read one, is the one to validate and record.
        CreateVpcEndpointRequest read = http == null ? null : http.get(HttpExchange.REQUEST);
        CreateVpcEndpointRequest strict = read != null ? read : request;
        return context.run(back -> accept(strict, caller, back)).invoke(response -> {
            if (http != null) {
                http.put(HttpExchange.LOCATION, response.statusUrl());
                http.put(HttpExchange.RETRY_AFTER, config.accept().retryAfterSeconds());
            }
        });
    }

    /** Validation, then DryRun or the durable record; shared by HTTP and the requests topic. */
    public Uni<CreateVpcEndpointResponse> accept(CreateVpcEndpointRequest request, Caller caller,
            java.util.concurrent.Executor back) {
        if (request == null) {
            return Uni.createFrom().failure(ApiErrors.invalidParameter("The request body must be a JSON object."));
        }
        try {
            validator.validate(request);
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        String clientToken = request.clientToken() != null ? request.clientToken() : UUID.randomUUID().toString();
        if (request.isDryRun()) {
            return dryRun(request, clientToken);
        }
        return record(request.withClientToken(clientToken), caller, back);
    }

    private Uni<CreateVpcEndpointResponse> dryRun(CreateVpcEndpointRequest request, String clientToken) {
        return cloud.checkCreate(request.cloudParameters(), clientToken)
                .onFailure().transform(failure -> failure instanceof CloudException e
                        ? new ApiException(e.isRetryable() ? 503 : 400, e.code(), e.getMessage())
                        : failures.toApi(failure, "CreateVpcEndpoint DryRun"))
                .onItem().transformToUni(passed -> Uni.createFrom().failure(
                        new ApiException(400, ApiErrors.DRY_RUN_OPERATION, ApiErrors.DRY_RUN_PASSED)));
    }

    private Uni<CreateVpcEndpointResponse> record(CreateVpcEndpointRequest request, Caller caller,
            java.util.concurrent.Executor back) {
        Instant now = Instant.now();
        VpcEndpointJob job = VpcEndpointJob.accepted(caller.owner(), request.clientToken(), RequestFingerprint.of(request),
                views.write(request), request.regionId(), request.vpcId(), now);
        job.nextAttemptAt = now.plus(config.accept().resendAfter());
        job.traceParent = Tracing.traceParent();
        return gate.admit(() -> jobs.accept(job, "accepted"))
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
        return new CreateVpcEndpointResponse(JobViews.requestId(), job.jobId, job.status.name(), job.clientToken,
                CreateVpcEndpointResponse.statusUrl(job.jobId));
    }
}
