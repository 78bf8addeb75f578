package io.privatelink.provisioner.job;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The jobs as ListVpcEndpointJobs shows them: a page under a filter, and the counts by status beside the first. */
@ApplicationScoped
public class JobListing {

    /** How many of the owner's jobs (everyone's, for null) are in each status, in the states' order. */
    public Uni<java.util.Map<String, Long>> countByStatus(JobOwner owner) {
        String where = owner == null ? "" : " where callerTenant = :tenant and callerSubject = :subject";
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var query = s.createQuery("select status, count(*) from VpcEndpointJob" + where + " group by status",
                    Object[].class);
            if (owner != null) {
                query.setParameter("tenant", owner.tenant()).setParameter("subject", owner.subject());
            }
            return query.getResultList();
        })).map(rows -> {
            java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
            rows.stream().sorted(java.util.Comparator.comparing(r -> (JobStatus) r[0]))
                    .forEach(r -> counts.put(r[0].toString(), (Long) r[1]));
            return counts;
        });
    }

    /** A page of jobs, newest first; see {@link JobFilter}. */
    public Uni<List<VpcEndpointJob>> list(JobFilter f, int limit) {
        StringBuilder sql = new StringBuilder("select * from vpc_endpoint_job where true");
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (f.owner() != null) {
            sql.append(" and caller_tenant = :tenant and caller_subject = :subject");
            params.put("tenant", f.owner().tenant());
            params.put("subject", f.owner().subject());
        }
        condition(sql, params, "status = :status", "status", f.status() == null ? null : f.status().name());
        condition(sql, params, "vpc_id = :vpcId", "vpcId", f.vpcId());
        condition(sql, params, "region_id = :regionId", "regionId", f.regionId());
        condition(sql, params, "error_code = :errorCode", "errorCode", f.errorCode());
        condition(sql, params, "created_at > :createdAfter", "createdAfter", f.createdAfter());
        condition(sql, params, "created_at < :createdBefore", "createdBefore", f.createdBefore());
        if (f.afterCreatedAt() != null) {
            sql.append(" and (created_at, job_id) < (:afterCreatedAt, :afterJobId)");
            params.put("afterCreatedAt", f.afterCreatedAt());
            params.put("afterJobId", f.afterJobId());
        }
        sql.append(" order by created_at desc, job_id desc limit :limit");
        params.put("limit", limit);
        return Panache.withSession(() -> Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql.toString(), VpcEndpointJob.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        }));
    }

    private static void condition(StringBuilder sql, java.util.Map<String, Object> params, String clause, String name,
            Object value) {
        if (value != null) {
            sql.append(" and ").append(clause);
            params.put(name, value);
        }
    }
}
