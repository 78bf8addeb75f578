package io.privatelink.provisioner.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.privatelink.provisioner.job.JobHistoryEntry;
import io.privatelink.provisioner.job.JobObserver;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.VpcEndpointJob;

/**
 * One log line and the metrics of every committed state change: jobs accepted, jobs finished by state and code,
 * create attempts retried, and the time from the 202 to Active.
 */
@ApplicationScoped
public class JobTelemetry implements JobObserver {

    private static final Logger LOG = Logger.getLogger("io.privatelink.provisioner.jobs");

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter retries;
    private final Timer timeToActive;
    private final AtomicLong due = new AtomicLong();

    public JobTelemetry(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("privatelink.jobs.accepted").description("Jobs accepted (202)").register(registry);
        this.retries = Counter.builder("privatelink.jobs.retries")
                .description("Create calls that failed with a retryable code and were scheduled again").register(registry);
        this.timeToActive = Timer.builder("privatelink.jobs.time.to.active")
                .description("From the 202 to EndpointStatus Active").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofMinutes(30))
                .register(registry);
        Gauge.builder("privatelink.jobs.due", due, AtomicLong::get)
                .description("Unfinished jobs due for their next step at the last reconciler pass").register(registry);
    }

    /** What the reconciler found due at its last pass. */
    public void due(long jobs) {
        due.set(jobs);
    }

    @Override
    public void committed(VpcEndpointJob job, List<JobHistoryEntry> steps) {
        for (JobHistoryEntry step : steps) {
            log(job, step);
            switch (step.jobStatus) {
                case Accepted -> accepted.increment();
                case Provisioning -> {
                    if (step.retriedCode != null) {
                        retries.increment();
                    }
                }
                case Active -> timeToActive.record(Duration.between(job.createdAt, step.at));
                default -> {
                }
            }
            if (step.jobStatus.isTerminal()) {
                registry.counter("privatelink.jobs.finished", "action", job.operation.action(), "status", step.jobStatus.name(),
                        "code", job.errorCode == null ? "none" : job.errorCode).increment();
            }
        }
    }

    private static void log(VpcEndpointJob job, JobHistoryEntry step) {
        MDC.put("jobId", job.jobId);
        MDC.put("clientToken", job.clientToken);
        MDC.put("jobStatus", step.jobStatus.name());
        MDC.put("attempt", job.attempts);
        MDC.put("code", job.errorCode == null ? "" : job.errorCode);
        try {
            LOG.infof("job %s %s (ClientToken %s, attempt %d%s): %s", job.jobId, step.jobStatus, job.clientToken,
                    job.attempts, step.jobStatus == JobStatus.Failed ? ", code " + job.errorCode : "",
                    step.detail == null ? "" : step.detail);
        } finally {
            MDC.remove("jobId");
            MDC.remove("clientToken");
            MDC.remove("jobStatus");
            MDC.remove("attempt");
            MDC.remove("code");
        }
    }
}
