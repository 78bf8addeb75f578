package io.privatelink.provisioner.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The jobs as ListVpcEndpointJobs shows them: a page under a filter, and the counts by status beside the first. On the
 * reactive client without the ORM, as the accept and the status are: an API function's paths then need none of the
 * ORM's query parser, which its start would otherwise load from the AOT cache (the training lists jobs).
 */
@ApplicationScoped
public class JobListing {

    private final Pool sql;

    public JobListing(Pool sql) {
        this.sql = sql;
    }

    /** How many of the owner's jobs (everyone's, for null) are in each status, in the states' order. */
    public Uni<Map<String, Long>> countByStatus(JobOwner owner) {
        Where where = new Where();
        where.owner(owner);
        return sql.preparedQuery("select status, count(*) as n from vpc_endpoint_job where " + where.sql
                + " group by status").execute(where.values).map(rows -> {
                    List<Row> found = new ArrayList<>();
                    rows.forEach(found::add);
                    found.sort(Comparator.comparing(r -> JobStatus.valueOf(r.getString("status"))));
                    Map<String, Long> counts = new LinkedHashMap<>();
                    found.forEach(r -> counts.put(r.getString("status"), r.getLong("n")));
                    return counts;
                });
    }

    /** A page of jobs, newest first; see {@link JobFilter}. */
    public Uni<List<VpcEndpointJob>> list(JobFilter f, int limit) {
        Where where = new Where();
        where.owner(f.owner());
        where.equal("status", f.status() == null ? null : f.status().name());
        where.equal("vpc_id", f.vpcId());
        where.equal("region_id", f.regionId());
        where.equal("error_code", f.errorCode());
        where.compare("created_at >", f.createdAfter());
        where.compare("created_at <", f.createdBefore());
        where.after(f.afterCreatedAt(), f.afterJobId());
        String query = "select * from vpc_endpoint_job where " + where.sql + " order by created_at desc, job_id desc"
                + " limit $" + where.next();
        where.values.addInteger(limit);
        return sql.preparedQuery(query).execute(where.values).map(rows -> {
            List<VpcEndpointJob> page = new ArrayList<>();
            rows.forEach(row -> page.add(JobColumn.job(row)));
            return page;
        });
    }

    /** The conditions given so far, each with its positional parameter. */
    private static final class Where {
        final StringBuilder sql = new StringBuilder("true");
        final Tuple values = Tuple.tuple();

        int next() {
            return values.size() + 1;
        }

        void owner(JobOwner owner) {
            if (owner != null) {
                sql.append(" and caller_tenant = $").append(next()).append(" and caller_subject = $").append(next() + 1);
                values.addString(owner.tenant()).addString(owner.subject());
            }
        }

        void equal(String column, String value) {
            if (value != null) {
                sql.append(" and ").append(column).append(" = $").append(next());
                values.addString(value);
            }
        }

        /** Only jobs after the previous page's last, newest first (none given: from the newest). */
        void after(Instant createdAt, String jobId) {
            if (createdAt != null) {
                sql.append(" and (created_at, job_id) < ($").append(next()).append(", $").append(next() + 1).append(')');
                values.addOffsetDateTime(JobRows.utc(createdAt)).addString(jobId);
            }
        }

        void compare(String columnAndOperator, Instant value) {
            if (value != null) {
                sql.append(" and ").append(columnAndOperator).append(" $").append(next());
                values.addOffsetDateTime(JobRows.utc(value));
            }
        }
    }
}
