package io.privatelink.provisioner.provisioning;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.EndpointView;
import io.privatelink.provisioner.api.GetVpcEndpointServiceRequest;
import io.privatelink.provisioner.api.ListVpcEndpointServicesRequest;
import io.privatelink.provisioner.api.ParameterForms;
import io.privatelink.provisioner.api.RequestIds;
import io.privatelink.provisioner.api.RequestValidator;
import io.privatelink.provisioner.api.ServiceView;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.job.ManagedEndpoints;
import io.privatelink.provisioner.job.ManagedService;
import io.privatelink.provisioner.job.ManagedServices;
import io.privatelink.provisioner.job.ReactiveContext;
import io.privatelink.provisioner.job.VpcEndpointJob;
import io.smallrye.mutiny.Uni;

/**
 * The managed endpoint services as a caller may see them: its tenant's (an auditor's: everyone's), one by ServiceId or
 * newest first, filtered and paged as ListVpcEndpoints is; each with the jobs that touched it. Another tenant's service
 * answers as if it did not exist.
 */
@ApplicationScoped
public class ServiceQueries {

    private final ManagedServices services;
    private final ManagedEndpoints endpoints;
    private final ReactiveContext context;

    public ServiceQueries(ManagedServices services, ManagedEndpoints endpoints, ReactiveContext context) {
        this.services = services;
        this.endpoints = endpoints;
        this.context = context;
    }

    public Uni<ServiceView> get(Caller caller, GetVpcEndpointServiceRequest request) {
        String serviceId = request == null ? null : request.getServiceId();
        try {
            RequestValidator.require("ServiceId", serviceId);
            if (!ParameterForms.isResourceId(serviceId)) {
                throw ApiErrors.rule(ApiErrors.ILLEGAL_SERVICE_ID);
            }
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return context.run(back -> services.byServiceId(serviceId)
                .map(found -> found != null && mayRead(caller, found) ? found : null)
                .onItem().ifNull().failWith(() -> ApiErrors.serviceNotFound(serviceId))
                .flatMap(found -> endpoints.jobsOf(List.of(found.resourceKey)).map(jobs -> view(found, jobs))));
    }

    public Uni<ServiceView.Page> list(Caller caller, ListVpcEndpointServicesRequest request) {
        ListVpcEndpointServicesRequest r = request == null ? new ListVpcEndpointServicesRequest() : request;
        int maxResults;
        ManagedServices.Filter filter;
        try {
            maxResults = Paging.maxResults(r.getMaxResults());
            Paging.Cursor cursor = Paging.cursor(r.getNextToken());
            filter = new ManagedServices.Filter(caller.auditor() ? null : caller.owner(),
                    Paging.status(r.getStatus(), ManagedService.Status.class), Paging.region(r.getRegionId()),
                    cursor.createdAt(), cursor.id());
        } catch (ApiException e) {
            return Uni.createFrom().failure(e);
        }
        return context.run(back -> services.list(filter, maxResults + 1).flatMap(found -> {
            List<ManagedService> page = found.subList(0, Math.min(found.size(), maxResults));
            ManagedService last = page.isEmpty() ? null : page.get(page.size() - 1);
            String next = found.size() > maxResults ? Paging.token(last.createdAt, last.resourceKey) : "";
            return endpoints.jobsOf(page.stream().map(m -> m.resourceKey).toList()).map(jobs -> {
                Map<String, List<VpcEndpointJob>> byKey = jobs.stream()
                        .collect(Collectors.groupingBy(VpcEndpointJob::endpointKey));
                return new ServiceView.Page(RequestIds.next(), maxResults, next, page.stream()
                        .map(m -> view(m, byKey.getOrDefault(m.resourceKey, List.of()))).toList());
            });
        }));
    }

    /** A service is its tenant's: every caller of the tenant reads it (see ManagedService.ownedBy), an auditor all. */
    private static boolean mayRead(Caller caller, ManagedService service) {
        return caller.auditor() || service.ownedBy(caller.owner());
    }

    static ServiceView view(ManagedService m, List<VpcEndpointJob> jobs) {
        return new ServiceView(RequestIds.next(), m.serviceId, m.account.isEmpty() ? null : m.account, m.regionId,
                m.status.name(), m.desiredJson, m.observedJson, Paging.time(m.observedAt), Paging.time(m.createdAt),
                Paging.time(m.updatedAt), jobs.stream().map(EndpointQueries::job).toList());
    }
}
