package io.privatelink.provisioner.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.privatelink.provisioner.api.JobView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;

/** A job's row, and its history as aggregated JSON, read by hand where the ORM would cost a round trip. */
final class JobRows {

    private JobRows() {
    }

    static VpcEndpointJob job(Row row) {
        VpcEndpointJob job = new VpcEndpointJob();
        job.jobId = row.getString("job_id");
        job.clientToken = row.getString("client_token");
        job.cloudToken = row.getString("cloud_token");
        job.callerSubject = row.getString("caller_subject");
        job.callerTenant = row.getString("caller_tenant");
        job.requestFingerprint = row.getString("request_fingerprint");
        job.requestJson = row.getString("request_json");
        job.status = JobStatus.valueOf(row.getString("status"));
        job.regionId = row.getString("region_id");
        job.vpcId = row.getString("vpc_id");
        job.endpointId = row.getString("endpoint_id");
        job.endpointJson = row.getString("endpoint_json");
        job.errorCode = row.getString("error_code");
        job.errorMessage = row.getString("error_message");
        job.attempts = row.getInteger("attempts");
        job.polls = row.getInteger("polls");
        job.pollFailures = row.getInteger("poll_failures");
        job.notFoundPolls = row.getInteger("not_found_polls");
        job.nextAttemptAt = instant(row.getOffsetDateTime("next_attempt_at"));
        job.traceParent = row.getString("trace_parent");
        job.createdAt = instant(row.getOffsetDateTime("created_at"));
        job.updatedAt = instant(row.getOffsetDateTime("updated_at"));
        job.version = row.getLong("version");
        job.operation = Operation.valueOf(row.getString("operation"));
        job.account = row.getString("account");
        job.resourceKey = row.getString("resource_key");
        job.seq = row.getLong("seq");
        job.deadlineAt = instant(row.getOffsetDateTime("deadline_at"));
        job.appliedJson = row.getString("applied_json");
        job.notificationUrl = row.getString("notification_url");
        String notifyOn = row.getString("notify_on");
        job.notifyOn = notifyOn == null ? null : NotifyOn.valueOf(notifyOn);
        return job;
    }

    static List<JobHistoryEntry> history(String jobId, String json) {
        List<JobHistoryEntry> history = new ArrayList<>();
        for (Object step : new JsonArray(json)) {
            JsonObject h = (JsonObject) step;
            history.add(JobHistoryEntry.of(jobId, JobStatus.valueOf(h.getString("status")),
                    OffsetDateTime.parse(h.getString("at")).toInstant(), h.getString("detail")));
        }
        return history;
    }

    /** A job's deliveries as aggregated JSON; null for a job that notifies nowhere. */
    static List<JobView.Delivery> deliveries(String json) {
        if (json == null) {
            return null;
        }
        List<JobView.Delivery> deliveries = new ArrayList<>();
        for (Object item : new JsonArray(json)) {
            JsonObject d = (JsonObject) item;
            List<JobView.Attempt> attempts = new ArrayList<>();
            for (Object a : d.getJsonArray("latest")) {
                JsonObject attempt = (JsonObject) a;
                attempts.add(new JobView.Attempt(time(attempt.getString("at")), attempt.getInteger("status"),
                        attempt.getString("error"), attempt.getInteger("millis")));
            }
            String outcome = d.getString("outcome");
            deliveries.add(new JobView.Delivery(d.getString("eventId"), d.getString("eventType"),
                    outcome == null ? "Pending" : outcome, d.getInteger("attempts"),
                    outcome == null ? time(d.getString("nextAttemptAt")) : null, attempts));
        }
        return deliveries;
    }

    /** A timestamp from PostgreSQL's JSON, in the views' form. */
    private static String time(String at) {
        return at == null ? null : OffsetDateTime.parse(at).toInstant().toString();
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** An instant as a statement's parameter. */
    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
