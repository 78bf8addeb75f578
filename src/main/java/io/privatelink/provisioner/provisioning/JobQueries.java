package io.privatelink.provisioner.provisioning;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.GetVpcEndpointJobRequest;
import io.privatelink.provisioner.api.JobSummary;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.ListVpcEndpointJobsRequest;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.api.RequestIds;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.JobFilter;
import io.privatelink.provisioner.job.JobListing;
import io.privatelink.provisioner.job.JobStore;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.JobViews;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/**
 * Where jobs stand, as a caller may see them: one job by JobId or ClientToken, and the caller's jobs (an auditor's:
 * everyone's), newest first, filtered and paged the API's way (MaxResults, an opaque NextToken). Another caller's
 * job answers as if it did not exist.
 */
@ApplicationScoped
public class JobQueries {

    private final JobStore jobs;
    private final JobListing listing;
    private final ReactiveContext context;
    private final JobViews views;

    public JobQueries(JobStore jobs, JobListing listing, ReactiveContext context, JobViews views) {
        this.listing = listing;
        this.jobs = jobs;
        this.context = context;
        this.views = views;
    }

    /** One job, with its history. */
    public Uni<JobView> get(Caller caller, GetVpcEndpointJobRequest request) {
        String jobId = request == null ? null : request.getJobId();
        String clientToken = request == null ? null : request.getClientToken();
        if (blank(jobId)) {
            if (blank(clientToken)) {
                return Uni.createFrom().failure(ApiErrors.missing("JobId", "JobId or ClientToken is mandatory."));
            }
            if (!ParameterForms.isClientToken(clientToken)) {
                return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_CLIENT_TOKEN));
            }
            String account = request.getAccount();
            if (account != null && !ParameterForms.isResourceId(account)) {
                return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_ACCOUNT));
            }
            return context.run(back -> jobs.byClientToken(caller.readScope(), account, clientToken)
                    .onItem().ifNull().failWith(() -> ApiErrors.jobNotFound(clientToken))
                    .flatMap(job -> jobs.withHistory(job.jobId)).map(views::view));
        }
        if (!ParameterForms.isResourceId(jobId)) {
            return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_JOB_ID));
        }
        // By JobId, the poll every caller repeats: one statement for the job and its history.
        return context.run(back -> jobs.withHistory(jobId)
                .map(found -> found != null && caller.mayRead(found.job().owner()) ? found : null)
                .onItem().ifNull().failWith(() -> ApiErrors.jobNotFound(jobId))
                .map(views::view));
    }

    /** A page of jobs. */
    public Uni<JobSummary> list(Caller caller, ListVpcEndpointJobsRequest request) {
        ListVpcEndpointJobsRequest r = request == null ? new ListVpcEndpointJobsRequest() : request;
        int maxResults;
        JobFilter filter;
        try {
            maxResults = Paging.maxResults(r.getMaxResults());
            Paging.Cursor cursor = Paging.cursor(r.getNextToken());
            filter = new JobFilter(caller.readScope(), status(r.getJobStatus()),
                    resourceId(r.getVpcId(), ApiErrors.ILLEGAL_VPC_ID), resourceId(r.getRegionId(), ApiErrors.ILLEGAL_REGION_ID),
                    errorCode(r.getCode()), time(ApiErrors.ILLEGAL_CREATED_AFTER, r.getCreatedAfter()),
                    time(ApiErrors.ILLEGAL_CREATED_BEFORE, r.getCreatedBefore()), cursor.createdAt(), cursor.id());
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        // One more than a page tells whether another page follows.
        boolean firstPage = filter.afterJobId() == null;
        return context.run(back -> listing.list(filter, maxResults + 1).flatMap(found -> (firstPage
                ? listing.countByStatus(caller.readScope()) : Uni.createFrom().<java.util.Map<String, Long>> nullItem())
                .map(counts -> {
                    List<VpcEndpointJob> page = found.subList(0, Math.min(found.size(), maxResults));
                    VpcEndpointJob last = page.isEmpty() ? null : page.get(page.size() - 1);
                    String next = found.size() > maxResults ? Paging.token(last.createdAt, last.jobId) : "";
                    return new JobSummary(RequestIds.next(), maxResults, next,
                            page.stream().map(JobQueries::item).toList(), counts);
                })));
    }

    private static JobSummary.Item item(VpcEndpointJob j) {
        return new JobSummary.Item(j.jobId, j.operation.action(), j.account.isEmpty() ? null : j.account,
                j.status.name(), j.clientToken, j.regionId, j.vpcId, j.endpointId, j.attempts,
                j.createdAt.toString(), j.updatedAt.toString(),
                j.errorCode == null ? null : new JobView.Error(j.errorCode, j.errorMessage));
    }

    private static JobStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JobStatus.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ApiErrors.illegal(ApiErrors.ILLEGAL_JOB_STATUS, "The specified parameter JobStatus is invalid: one of "
                    + List.of(JobStatus.values()) + ".");
        }
    }

    private static Instant time(String code, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiErrors.rule(code);
        }
    }

    private static String resourceId(String text, String code) {
        String value = blankToNull(text);
        if (value != null && !ParameterForms.isResourceId(value)) {
            throw ApiErrors.rule(code);
        }
        return value;
    }

    private static String errorCode(String text) {
        String value = blankToNull(text);
        if (value != null && !ParameterForms.isErrorCode(value)) {
            throw ApiErrors.rule(ApiErrors.ILLEGAL_CODE);
        }
        return value;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
