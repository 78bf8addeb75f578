package io.privatelink.provisioner.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The columns of vpc_endpoint_job, described once for the statements written without the ORM: each one's name, its
 * SQL type, the job's value for it and how a row's value goes back into a job. The reads of jobs, GroupCommit's new
 * jobs and a change's write of a job use them; JobColumnTest holds them to the entity's mapping.
 */
enum JobColumn {
    JOB_ID("job_id", Type.TEXT, j -> j.jobId, (j, r) -> j.jobId = r.getString("job_id")),
    CLIENT_TOKEN("client_token", Type.TEXT, j -> j.clientToken, (j, r) -> j.clientToken = r.getString("client_token")),
    CLOUD_TOKEN("cloud_token", Type.TEXT, j -> j.cloudToken, (j, r) -> j.cloudToken = r.getString("cloud_token")),
    CALLER_SUBJECT("caller_subject", Type.TEXT, j -> j.callerSubject,
            (j, r) -> j.callerSubject = r.getString("caller_subject")),
    CALLER_TENANT("caller_tenant", Type.TEXT, j -> j.callerTenant,
            (j, r) -> j.callerTenant = r.getString("caller_tenant")),
    REQUEST_FINGERPRINT("request_fingerprint", Type.TEXT, j -> j.requestFingerprint,
            (j, r) -> j.requestFingerprint = r.getString("request_fingerprint")),
    REQUEST_JSON("request_json", Type.TEXT, j -> j.requestJson, (j, r) -> j.requestJson = r.getString("request_json")),
    STATUS("status", Type.TEXT, j -> j.status.name(), (j, r) -> j.status = JobStatus.valueOf(r.getString("status"))),
    REGION_ID("region_id", Type.TEXT, j -> j.regionId, (j, r) -> j.regionId = r.getString("region_id")),
    VPC_ID("vpc_id", Type.TEXT, j -> j.vpcId, (j, r) -> j.vpcId = r.getString("vpc_id")),
    ENDPOINT_ID("endpoint_id", Type.TEXT, j -> j.endpointId, (j, r) -> j.endpointId = r.getString("endpoint_id")),
    ENDPOINT_JSON("endpoint_json", Type.TEXT, j -> j.endpointJson,
            (j, r) -> j.endpointJson = r.getString("endpoint_json")),
    ERROR_CODE("error_code", Type.TEXT, j -> j.errorCode, (j, r) -> j.errorCode = r.getString("error_code")),
    ERROR_MESSAGE("error_message", Type.TEXT, j -> j.errorMessage,
            (j, r) -> j.errorMessage = r.getString("error_message")),
    ATTEMPTS("attempts", Type.INTEGER, j -> j.attempts, (j, r) -> j.attempts = r.getInteger("attempts")),
    POLLS("polls", Type.INTEGER, j -> j.polls, (j, r) -> j.polls = r.getInteger("polls")),
    POLL_FAILURES("poll_failures", Type.INTEGER, j -> j.pollFailures,
            (j, r) -> j.pollFailures = r.getInteger("poll_failures")),
    NOT_FOUND_POLLS("not_found_polls", Type.INTEGER, j -> j.notFoundPolls,
            (j, r) -> j.notFoundPolls = r.getInteger("not_found_polls")),
    NEXT_ATTEMPT_AT("next_attempt_at", Type.TIMESTAMP, j -> j.nextAttemptAt,
            (j, r) -> j.nextAttemptAt = instant(r, "next_attempt_at")),
    TRACE_PARENT("trace_parent", Type.TEXT, j -> j.traceParent, (j, r) -> j.traceParent = r.getString("trace_parent")),
    CREATED_AT("created_at", Type.TIMESTAMP, j -> j.createdAt, (j, r) -> j.createdAt = instant(r, "created_at")),
    UPDATED_AT("updated_at", Type.TIMESTAMP, j -> j.updatedAt, (j, r) -> j.updatedAt = instant(r, "updated_at")),
    VERSION("version", Type.BIGINT, j -> j.version, (j, r) -> j.version = r.getLong("version")),
    OPERATION("operation", Type.TEXT, j -> j.operation.name(),
            (j, r) -> j.operation = Operation.valueOf(r.getString("operation"))),
    ACCOUNT("account", Type.TEXT, j -> j.account, (j, r) -> j.account = r.getString("account")),
    RESOURCE_KEY("resource_key", Type.TEXT, j -> j.resourceKey, (j, r) -> j.resourceKey = r.getString("resource_key")),
    /** Given by the database's sequence: read, never written. */
    SEQ("seq", Type.BIGINT, j -> j.seq, (j, r) -> j.seq = r.getLong("seq")),
    DEADLINE_AT("deadline_at", Type.TIMESTAMP, j -> j.deadlineAt, (j, r) -> j.deadlineAt = instant(r, "deadline_at")),
    APPLIED_JSON("applied_json", Type.TEXT, j -> j.appliedJson, (j, r) -> j.appliedJson = r.getString("applied_json")),
    NOTIFICATION_URL("notification_url", Type.TEXT, j -> j.notificationUrl,
            (j, r) -> j.notificationUrl = r.getString("notification_url")),
    NOTIFY_ON("notify_on", Type.TEXT, j -> j.notifyOn == null ? null : j.notifyOn.name(),
            (j, r) -> j.notifyOn = r.getString("notify_on") == null ? null : NotifyOn.valueOf(r.getString("notify_on")));

    /** A column's SQL type, as an array of which a batch's values go to unnest. */
    enum Type {
        TEXT("text"), INTEGER("integer"), BIGINT("bigint"), TIMESTAMP("timestamptz");

        final String sql;

        Type(String sql) {
            this.sql = sql;
        }
    }

    /** The columns a new job is written with: all but the sequence's. */
    static final List<JobColumn> WRITTEN = Arrays.stream(values()).filter(c -> c != SEQ).toList();

    final String column;
    final Type type;
    private final Function<VpcEndpointJob, Object> value;
    private final BiConsumer<VpcEndpointJob, Row> read;

    JobColumn(String column, Type type, Function<VpcEndpointJob, Object> value, BiConsumer<VpcEndpointJob, Row> read) {
        this.column = column;
        this.type = type;
        this.value = value;
        this.read = read;
    }

    /** Writes every written column but the key (the first parameter, {@link #parameters}) over the job's row. */
    static final String UPDATE = update();

    private static String update() {
        StringBuilder set = new StringBuilder();
        for (int i = 1; i < WRITTEN.size(); i++) {
            set.append(i > 1 ? ", " : "").append(WRITTEN.get(i).column).append(" = $").append(i + 1);
        }
        return "update vpc_endpoint_job set " + set + " where " + JOB_ID.column + " = $1";
    }

    /** The written columns' values of the job, in their order (its key first), as a statement takes them. */
    static List<Object> parameters(VpcEndpointJob job) {
        List<Object> values = new java.util.ArrayList<>(WRITTEN.size());
        for (JobColumn c : WRITTEN) {
            Object v = c.value.apply(job);
            values.add(v instanceof Instant at ? JobRows.utc(at) : v);
        }
        return values;
    }

    /** The first row's job; null for none. */
    static VpcEndpointJob first(RowSet<Row> rows) {
        return rows.size() == 0 ? null : job(rows.iterator().next());
    }

    /** Every row's job, in the rows' order. */
    static List<VpcEndpointJob> jobs(RowSet<Row> rows) {
        List<VpcEndpointJob> jobs = new java.util.ArrayList<>(rows.size());
        rows.forEach(row -> jobs.add(job(row)));
        return jobs;
    }

    /** A job as its row holds it. */
    static VpcEndpointJob job(Row row) {
        VpcEndpointJob job = new VpcEndpointJob();
        for (JobColumn c : values()) {
            c.read.accept(job, row);
        }
        return job;
    }

    /** This column's values of the jobs, as one array parameter of the statement. */
    void addValues(Tuple tuple, List<VpcEndpointJob> jobs) {
        switch (type) {
            case TEXT -> tuple.addArrayOfString(jobs.stream().map(j -> (String) value.apply(j)).toArray(String[]::new));
            case INTEGER -> tuple.addArrayOfInteger(jobs.stream().map(j -> (Integer) value.apply(j))
                    .toArray(Integer[]::new));
            case BIGINT -> tuple.addArrayOfLong(jobs.stream().map(j -> (Long) value.apply(j)).toArray(Long[]::new));
            case TIMESTAMP -> tuple.addArrayOfOffsetDateTime(jobs.stream().map(j -> JobRows.utc((Instant) value.apply(j)))
                    .toArray(OffsetDateTime[]::new));
        }
    }

    private static Instant instant(Row row, String column) {
        return JobRows.instant(row.getOffsetDateTime(column));
    }
}
