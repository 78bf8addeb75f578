package io.privatelink.provisioner.functions;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.JobSummary;
import io.privatelink.provisioner.api.JobView;
import io.privatelink.provisioner.api.ListVpcEndpointJobsRequest;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.auth.RequestAuthentication;
import io.privatelink.provisioner.job.JobFilter;
import io.privatelink.provisioner.job.JobRepository;
import io.privatelink.provisioner.job.JobStatus;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.quarkus.funqy.Funq;
import io.smallrye.mutiny.Uni;

/**
 * The caller's jobs (an auditor's: everyone's), newest first, filtered and paged the API's way (MaxResults, an
 * opaque NextToken).
 */
public class ListVpcEndpointJobsFunction {

    private static final int DEFAULT_MAX_RESULTS = 20;
    private static final int MAX_RESULTS = 100;

    private final JobRepository jobs;
    private final ReactiveContext context;

    public ListVpcEndpointJobsFunction(JobRepository jobs, ReactiveContext context) {
        this.jobs = jobs;
        this.context = context;
    }

    @Funq("ListVpcEndpointJobs")
    public Uni<JobSummary> listVpcEndpointJobs(ListVpcEndpointJobsRequest request) {
        Caller caller = RequestAuthentication.caller(HttpExchange.current());
        if (caller == null) {
            return Uni.createFrom().failure(ApiErrors.missingToken("ListVpcEndpointJobs needs an authenticated caller."));
        }
        ListVpcEndpointJobsRequest r = request == null ? new ListVpcEndpointJobsRequest() : request;
        int maxResults;
        JobFilter filter;
        try {
            maxResults = maxResults(r.getMaxResults());
            Object[] cursor = cursor(r.getNextToken());
            filter = new JobFilter(caller.readScope(), status(r.getJobStatus()), blankToNull(r.getVpcId()), blankToNull(r.getRegionId()),
                    blankToNull(r.getCode()), time("CreatedAfter", r.getCreatedAfter()),
                    time("CreatedBefore", r.getCreatedBefore()), (Instant) cursor[0], (String) cursor[1]);
        } catch (io.privatelink.provisioner.api.ApiException e) {
            return Uni.createFrom().failure(e);
        }
        // One more than a page tells whether another page follows.
        return context.run(back -> jobs.list(filter, maxResults + 1)).map(found -> {
            List<VpcEndpointJob> page = found.subList(0, Math.min(found.size(), maxResults));
            String next = found.size() > maxResults ? token(page.get(page.size() - 1)) : "";
            return new JobSummary(JobViews.requestId(), maxResults, next, page.stream().map(ListVpcEndpointJobsFunction::item).toList());
        });
    }

    private static JobSummary.Item item(VpcEndpointJob j) {
        return new JobSummary.Item(j.jobId, j.status.name(), j.clientToken, j.regionId, j.vpcId, j.endpointId, j.attempts,
                j.createdAt.toString(), j.updatedAt.toString(),
                j.errorCode == null ? null : new JobView.Error(j.errorCode, j.errorMessage));
    }

    private static int maxResults(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 1 && n <= MAX_RESULTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiErrors.illegal("IllegalParam.MaxResults", "The specified parameter MaxResults is invalid: 1 to "
                + MAX_RESULTS + ".");
    }

    private static JobStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JobStatus.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw ApiErrors.illegal("IllegalParam.JobStatus", "The specified parameter JobStatus is invalid: one of "
                    + List.of(JobStatus.values()) + ".");
        }
    }

    private static Instant time(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiErrors.illegal("IllegalParam." + name, "The specified parameter " + name
                    + " is invalid: an ISO-8601 instant such as 2026-11-25T08:00:00Z.");
        }
    }

    /** The opaque NextToken: where the page ended, (creation time, JobId), in URL-safe base64. */
    private static String token(VpcEndpointJob last) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((last.createdAt + "|" + last.jobId).getBytes(StandardCharsets.UTF_8));
    }

    private static Object[] cursor(String token) {
        if (token == null || token.isBlank()) {
            return new Object[] {null, null};
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.UTF_8).split("\\|", 2);
            return new Object[] {Instant.parse(parts[0]), parts[1]};
        } catch (RuntimeException e) {
            throw ApiErrors.illegal("IllegalParam.NextToken", "The specified parameter NextToken is invalid: pass the "
                    + "NextToken of the previous page as it came.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
