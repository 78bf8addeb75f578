package io.privatelink.provisioner.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

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

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
