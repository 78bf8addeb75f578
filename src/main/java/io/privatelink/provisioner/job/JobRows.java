package io.privatelink.provisioner.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.privatelink.provisioner.api.JobView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** A job's history and deliveries as aggregated JSON, and timestamps as statements take them (JobColumn reads rows). */
final class JobRows {

    private JobRows() {
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
