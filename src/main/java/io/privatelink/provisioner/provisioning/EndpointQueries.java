package io.privatelink.provisioner.provisioning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.EndpointView;
import io.privatelink.provisioner.api.GetVpcEndpointRequest;
import io.privatelink.provisioner.api.ListVpcEndpointsRequest;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.api.RequestIds;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.ManagedEndpoint;
import io.privatelink.provisioner.job.ManagedEndpoints;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/**
 * The managed endpoints as a caller may see them: one by EndpointId, and the caller's (an auditor's: everyone's),
 * newest first, filtered and paged as ListVpcEndpointJobs is; each with the jobs that touched it. Another caller's
 * endpoint answers as if it did not exist.
 */
@ApplicationScoped
public class EndpointQueries {

    private final ManagedEndpoints endpoints;
    private final ReactiveContext context;

    public EndpointQueries(ManagedEndpoints endpoints, ReactiveContext context) {
        this.endpoints = endpoints;
        this.context = context;
    }

    public Uni<EndpointView> get(Caller caller, GetVpcEndpointRequest request) {
        String endpointId = request == null ? null : request.getEndpointId();
        if (endpointId == null || endpointId.isBlank()) {
            return Uni.createFrom().failure(ApiErrors.missing("EndpointId", "EndpointId is mandatory for this action."));
        }
        if (!ParameterForms.isResourceId(endpointId)) {
            return Uni.createFrom().failure(ApiErrors.rule(ApiErrors.ILLEGAL_ENDPOINT_ID));
        }
        return context.run(back -> endpoints.byEndpointId(endpointId)
                .map(found -> found != null && caller.mayRead(found.owner()) ? found : null)
                .onItem().ifNull().failWith(() -> ApiErrors.endpointNotFound(endpointId))
                .flatMap(found -> endpoints.jobsOf(List.of(found.resourceKey))
                        .map(jobs -> view(found, jobs))));
    }

    public Uni<EndpointView.Page> list(Caller caller, ListVpcEndpointsRequest request) {
        ListVpcEndpointsRequest r = request == null ? new ListVpcEndpointsRequest() : request;
        int maxResults;
        ManagedEndpoints.Filter filter;
        try {
            maxResults = Paging.maxResults(r.getMaxResults());
            Paging.Cursor cursor = Paging.cursor(r.getNextToken());
            filter = new ManagedEndpoints.Filter(caller.readScope(),
                    Paging.status(r.getStatus(), ManagedEndpoint.Status.class), Paging.region(r.getRegionId()),
                    cursor.createdAt(), cursor.id());
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return context.run(back -> endpoints.list(filter, maxResults + 1).flatMap(found -> {
            List<ManagedEndpoint> page = found.subList(0, Math.min(found.size(), maxResults));
            ManagedEndpoint last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = found.size() > maxResults ? Paging.token(last.createdAt, last.resourceKey) : "";
            return endpoints.jobsOf(page.stream().map(m -> m.resourceKey).toList())
                    .flatMap(jobs -> endpoints.counts(caller.readScope()).map(counts -> {
                        Map<String, List<VpcEndpointJob>> byKey = jobs.stream()
                                .collect(Collectors.groupingBy(VpcEndpointJob::endpointKey));
                        return new EndpointView.Page(RequestIds.next(), maxResults, next, page.stream()
                                .map(m -> view(m, byKey.getOrDefault(m.resourceKey, List.of()))).toList(), counts);
                    }));
        }));
    }

    static EndpointView view(ManagedEndpoint m, List<VpcEndpointJob> jobs) {
        return new EndpointView(RequestIds.next(), m.endpointId, m.account.isEmpty() ? null : m.account, m.regionId,
                m.status.name(), m.desiredJson, m.observedJson, Paging.time(m.observedAt), m.driftJson,
                Paging.time(m.createdAt), Paging.time(m.updatedAt), jobs.stream().map(EndpointQueries::job).toList());
    }

    /** A job that touched a managed endpoint or service, as their views list it. */
    static EndpointView.Job job(VpcEndpointJob j) {
        return new EndpointView.Job(j.jobId, j.operation.action(), j.status.name(), Paging.time(j.createdAt),
                Paging.time(j.updatedAt));
    }
}
