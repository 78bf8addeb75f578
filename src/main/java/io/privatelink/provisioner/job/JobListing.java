package io.privatelink.provisioner.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

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
        SqlWhere where = new SqlWhere().owner(owner);
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
        SqlWhere where = new SqlWhere().owner(f.owner()).equal("status", f.status()).equal("vpc_id", f.vpcId())
                .equal("region_id", f.regionId()).equal("error_code", f.errorCode())
                .compare("created_at >", f.createdAfter()).compare("created_at <", f.createdBefore())
                .after(f.afterCreatedAt(), "job_id", f.afterJobId());
        String query = "select * from vpc_endpoint_job where " + where.limit("created_at desc, job_id desc", limit);
        return sql.preparedQuery(query).execute(where.values).map(JobColumn::jobs);
    }
}
