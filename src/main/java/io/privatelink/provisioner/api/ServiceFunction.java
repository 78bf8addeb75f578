package io.privatelink.provisioner.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one table of the service's functions: each one's request type, what kind of function it is (and so its HTTP
 * methods and answer), who may call it and what triggers it. The edge, the authentication gate, the push routes and
 * the tests that hold functions.yaml and the OpenAPI document to the code all read it; a new function is a row here
 * and a small class in functions.
 */
public enum ServiceFunction {
    CreateVpcEndpoint(CreateVpcEndpointRequest.class, Kind.ACCEPTS, Trigger.HTTP, Trigger.KAFKA),
    DeleteVpcEndpoint(DeleteVpcEndpointRequest.class, Kind.ACCEPTS, Trigger.HTTP),
    UpdateVpcEndpoint(UpdateVpcEndpointRequest.class, Kind.ACCEPTS, Trigger.HTTP),
    AdoptVpcEndpoint(AdoptVpcEndpointRequest.class, Kind.ACCEPTS, Trigger.HTTP),
    /** The service owner's side: the publisher role's. */
    AcceptVpcEndpointConnection(ConnectionDecisionRequest.class, Kind.ACCEPTS, Roles.PUBLISHERS, Trigger.HTTP),
    RejectVpcEndpointConnection(ConnectionDecisionRequest.class, Kind.ACCEPTS, Roles.PUBLISHERS, Trigger.HTTP),
    CreateVpcEndpointService(CreateVpcEndpointServiceRequest.class, Kind.ACCEPTS, Roles.PUBLISHERS, Trigger.HTTP),
    UpdateVpcEndpointService(UpdateVpcEndpointServiceRequest.class, Kind.ACCEPTS, Roles.PUBLISHERS, Trigger.HTTP),
    DeleteVpcEndpointService(DeleteVpcEndpointServiceRequest.class, Kind.ACCEPTS, Roles.PUBLISHERS, Trigger.HTTP),
    AdoptVpcEndpointService(AdoptVpcEndpointServiceRequest.class, Kind.ACCEPTS, Roles.PUBLISHERS, Trigger.HTTP),
    CancelVpcEndpointJob(CancelVpcEndpointJobRequest.class, Kind.CHANGES, Trigger.HTTP),
    GetVpcEndpoint(GetVpcEndpointRequest.class, Kind.READS, Trigger.HTTP),
    ListVpcEndpoints(ListVpcEndpointsRequest.class, Kind.READS, Trigger.HTTP),
    GetVpcEndpointService(GetVpcEndpointServiceRequest.class, Kind.READS, Trigger.HTTP),
    ListVpcEndpointServices(ListVpcEndpointServicesRequest.class, Kind.READS, Trigger.HTTP),
    /** Its 200 carries a Retry-After while the job runs. */
    GetVpcEndpointJob(GetVpcEndpointJobRequest.class, Kind.READS, Trigger.HTTP),
    ListVpcEndpointJobs(ListVpcEndpointJobsRequest.class, Kind.READS, Trigger.HTTP),
    ProvisionVpcEndpoint(ProvisionCommand.class, Kind.INTERNAL, Trigger.HTTP, Trigger.KAFKA),
    /** Takes no input: a timer's tick. */
    ReconcileVpcEndpointJobs(null, Kind.INTERNAL, Trigger.HTTP, Trigger.TIMER);

    public static final String PROVISIONER = "provisioner";
    public static final String AUDITOR = "auditor";
    /** Runs the owner's side of services: manages endpoint services, decides on connections. */
    public static final String PUBLISHER = "publisher";

    /** Who may call a function of the owner's side (its reads are everyone's who reads jobs). */
    private static final class Roles {
        static final Set<String> PUBLISHERS = Set.of(PUBLISHER);
    }

    /** What a function does, which decides its methods, its answer and the roles that may call it. */
    public enum Kind {
        /** Accepts a job: POST only (a link or a prefetch never makes one), 202 with the job's Location. */
        ACCEPTS(List.of("POST"), Set.of(PROVISIONER), 202),
        /** Changes something at once: POST only, 200. */
        CHANGES(List.of("POST"), Set.of(PROVISIONER), 200),
        /** Reads: GET (query parameters) or POST (a JSON body or a form), 200. */
        READS(List.of("GET", "POST"), Set.of(PROVISIONER, AUDITOR, PUBLISHER), 200),
        /** Called by the platform only, with its push secret: POST. */
        INTERNAL(List.of("POST"), Set.of(), 200);

        private final List<String> methods;
        private final Set<String> roles;
        private final int success;

        Kind(List<String> methods, Set<String> roles, int success) {
            this.methods = methods;
            this.roles = roles;
            this.success = success;
        }
    }

    /** What invokes a function: an HTTP call, a record on a topic, a timer. */
    public enum Trigger {
        HTTP, KAFKA, TIMER
    }

    private static final Map<String, ServiceFunction> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ServiceFunction::path, Function.identity()));

    private final Class<?> requestType;
    private final Kind kind;
    private final Set<String> roles;
    private final Set<Trigger> triggers;

    ServiceFunction(Class<?> requestType, Kind kind, Trigger first, Trigger... more) {
        this(requestType, kind, kind.roles, first, more);
    }

    ServiceFunction(Class<?> requestType, Kind kind, Set<String> roles, Trigger first, Trigger... more) {
        this.requestType = requestType;
        this.kind = kind;
        this.roles = roles;
        this.triggers = EnumSet.of(first, more);
    }

    /** The function served at this path (Funqy serves each at /&lt;name&gt;). */
    public static Optional<ServiceFunction> at(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }

    public String path() {
        return "/" + name();
    }

    /** The type its input is read as; null for a function that takes none. */
    public Class<?> requestType() {
        return requestType;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP methods it takes, in the order an Allow header lists them. */
    public List<String> methods() {
        return kind.methods;
    }

    /** The roles of which a caller needs one; none for an internal function. */
    public Set<String> roles() {
        return roles;
    }

    /** Its success status: 202 for a function that accepts a job, else 200. */
    public int success() {
        return kind.success;
    }

    public boolean isInternal() {
        return kind == Kind.INTERNAL;
    }

    /** Whether each call counts against its caller's create rate. */
    public boolean spendsCreateRate() {
        return this == CreateVpcEndpoint;
    }

    public Set<Trigger> triggers() {
        return triggers;
    }
}
