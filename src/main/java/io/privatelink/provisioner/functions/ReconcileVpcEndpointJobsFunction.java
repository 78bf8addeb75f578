package io.privatelink.provisioner.functions;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.privatelink.provisioner.cloud.CloudErrors;
import io.privatelink.provisioner.cloud.CloudException;
import io.privatelink.provisioner.cloud.PrivateLinkClient;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One pass over the jobs that are due: polls Creating endpoints until Active, and sends again the ProvisionCommand of
 * jobs stranded in Accepted or waiting to retry in Provisioning. Several instances may run at once: each due job is
 * claimed by one.
 */
public class ReconcileVpcEndpointJobsFunction {

    private static final Logger LOG = Logger.getLogger(ReconcileVpcEndpointJobsFunction.class);

    /** What one pass did. */
    public record Summary(@JsonProperty("Claimed") int claimed, @JsonProperty("Resent") long resent,
            @JsonProperty("Polled") long polled) {
    }

    private final JobRepository jobs;
    private final PrivateLinkClient cloud;
    private final ProvisionCommandSender sender;
    private final ReactiveContext context;
    private final JobViews views;
    private final RetrySchedule schedule;
    private final ProvisionerConfig config;
    private final JobEventPublisher events;
    private final JobTelemetry telemetry;
    private final Tracer tracer;

    public ReconcileVpcEndpointJobsFunction(JobRepository jobs, PrivateLinkClient cloud, ProvisionCommandSender sender,
            ReactiveContext context, JobViews views, RetrySchedule schedule, ProvisionerConfig config,
            JobEventPublisher events, JobTelemetry telemetry, Tracer tracer) {
        this.events = events;
        this.telemetry = telemetry;
        this.tracer = tracer;
        this.jobs = jobs;
        this.cloud = cloud;
        this.sender = sender;
        this.context = context;
        this.views = views;
        this.schedule = schedule;
        this.config = config;
    }

    @Funq("ReconcileVpcEndpointJobs")
    public Uni<Summary> reconcileVpcEndpointJobs() {
        return countDue().chain(this::reconcileDueJobs).call(this::publishStaleEvents);
    }

    /** The jobs due before this pass, for the privatelink.jobs.due gauge. */
    private Uni<Long> countDue() {
        return context.run(back -> jobs.countDue(Instant.now())).invoke(telemetry::due)
                .onFailure().recoverWithItem(-1L);
    }

    /** Events whose publisher died, or met no broker, are published by the next pass. */
    private Uni<Void> publishStaleEvents() {
        return context.run(back -> jobs.jobsWithStaleEvents(Instant.now().minusSeconds(10), config.reconciler().batchSize()))
                .flatMap(stale -> Multi.createFrom().iterable(stale)
                        .onItem().transformToUniAndConcatenate(jobId -> context.run(back -> events.publish(jobId, back))
                                .onFailure().recoverWithItem(0))
                        .collect().last().replaceWithVoid());
    }

    private Uni<Summary> reconcileDueJobs() {
        Instant now = Instant.now();
        return context.run(back -> jobs.claimDue(now, config.reconciler().batchSize(),
                now.plus(config.retry().callLease())))
                .flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(new Summary(0, 0, 0))
                        : Multi.createFrom().iterable(claimed)
                                // Each job on its own context, hence its own database session.
                                .onItem().transformToUni(job -> context.run(back -> handle(job, back))
                                        .onFailure().recoverWithItem(e -> {
                                            LOG.warnf("reconciling job %s failed: %s", job.jobId, e.toString());
                                            return job.status;
                                        }))
                                .merge(config.reconciler().concurrency())
                                .collect().asList()
                                .map(ReconcileVpcEndpointJobsFunction::summary));
    }

    private static Summary summary(List<JobStatus> handled) {
        long polled = handled.stream().filter(s -> s == JobStatus.Creating).count();
        return new Summary(handled.size(), handled.size() - polled, polled);
    }

    private Uni<JobStatus> handle(VpcEndpointJob job, Executor back) {
        if (job.status == JobStatus.Creating) {
            // The poll joins the trace of the request that created the job.
            Span span = tracer.spanBuilder("ReconcileVpcEndpointJobs poll").setParent(Tracing.of(job)).startSpan();
            span.makeCurrent();
            Tracing.tag(job);
            return events.after(poll(job, back), job.jobId).onTermination().invoke(span::end)
                    .replaceWith(JobStatus.Creating);
        }
        return sender.send(job.jobId).replaceWith(job.status);
    }

    private Uni<Void> poll(VpcEndpointJob claimed, Executor back) {
        return cloud.getVpcEndpointAttribute(claimed.regionId, claimed.endpointId)
                .emitOn(back)
                .onItemOrFailure().transformToUni((attributes, failure) -> jobs.update(claimed.jobId, (job, steps) -> {
                    if (job.status != JobStatus.Creating) {
                        return null;
                    }
                    Instant now = Instant.now();
                    boolean throttledOrDown = failure instanceof CloudException ce && ce.isRetryable();
                    job.pollFailures = throttledOrDown ? job.pollFailures + 1 : 0;
                    if (!throttledOrDown) {
                        job.polls++;
                    }
                    if (failure == null && "Active".equals(attributes.get("EndpointStatus"))) {
                        // The job entered Creating when its create call answered, and polls do not move it.
                        schedule.activeAfter(java.time.Duration.between(job.updatedAt, now));
                        attributes.remove("RequestId");
                        job.endpointJson = views.write(merged(job, attributes));
                        steps.add(job.moveTo(JobStatus.Active, "EndpointStatus Active after " + job.polls + " polls", now));
                        return null;
                    }
                    if (failure == null) {
                        attributes.remove("RequestId");
                        job.endpointJson = views.write(merged(job, attributes));
                    } else if (failure instanceof CloudException e && CloudErrors.ENDPOINT_NOT_FOUND.equals(e.code())) {
                        job.notFoundPolls++;
                    } else if (!(failure instanceof CloudException e && e.isRetryable())) {
                        return fail(job, steps, codeOf(failure), failure.getMessage(), now);
                    }
                    if (job.notFoundPolls > config.retry().notFoundPolls()) {
                        return fail(job, steps, CloudErrors.ENDPOINT_NOT_FOUND,
                                "The endpoint " + job.endpointId + " was not found after " + job.notFoundPolls + " polls.", now);
                    }
                    if (now.isAfter(job.updatedAt.plus(config.retry().activeDeadline()))) {
                        return fail(job, steps, "ProvisioningTimeout", "The endpoint " + job.endpointId
                                + " did not become Active within " + config.retry().activeDeadline() + ".", now);
                    }
                    // A throttled or failed poll backs off with jitter, as a create call does; an answered one waits
                    // the polling interval.
                    job.nextAttemptAt = now.plus(throttledOrDown ? schedule.afterFailedAttempt(job.pollFailures)
                            : schedule.nextPoll(job.polls));
                    return null;
                }))
                .replaceWithVoid();
    }

    private Object fail(VpcEndpointJob job, List<io.privatelink.provisioner.job.JobHistoryEntry> steps, String code,
            String message, Instant now) {
        job.errorCode = code;
        job.errorMessage = message;
        steps.add(job.moveTo(JobStatus.Failed, code + ": " + message, now));
        return null;
    }

    private Map<String, Object> merged(VpcEndpointJob job, Map<String, Object> attributes) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        if (job.endpointJson != null) {
            endpoint.putAll(views.endpoint(job));
        }
        endpoint.putAll(attributes);
        return endpoint;
    }

    private static String codeOf(Throwable failure) {
        return failure instanceof CloudException e ? e.code() : "InternalError";
    }
}
