package io.privatelink.provisioner.invocation;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.CreateVpcEndpointRequest;
import io.privatelink.provisioner.auth.Caller;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What a function learns of the call that invoked it, and what it leaves for the answer, without touching HTTP:
 * the edge (http) authenticates the caller and reads the request strictly before the function runs, and writes the
 * status and headers after. Funqy lets a function choose neither, hence this hand-over through the exchange.
 */
public final class Invocation {

    public static final String CALLER = "privatelink.caller";
    public static final String LOCATION = "privatelink.location";
    public static final String RETRY_AFTER = "privatelink.retry-after";
    /** The request as the strict reader read it: the one the function validates and records. */
    public static final String REQUEST = "privatelink.request";
    /** Set once the edge's first route saw the request: a failure before it is Quarkus' reading of the body. */
    public static final String REACHED_EDGE = "privatelink.reached-edge";

    private final RoutingContext exchange;

    private Invocation(RoutingContext exchange) {
        this.exchange = exchange;
    }

    /** The invocation under way; one without an exchange when the function runs from Kafka or a timer. */
    public static Invocation current() {
        if (!Arc.container().requestContext().isActive()) {
            return new Invocation(null);
        }
        return new Invocation(Arc.container().instance(CurrentVertxRequest.class).get().getCurrent());
    }

    /** @throws io.privatelink.provisioner.api.ApiException MissingToken when no caller was authenticated */
    public Caller caller(String function) {
        Caller caller = exchange == null ? null : exchange.get(CALLER);
        if (caller == null) {
            throw ApiErrors.missingToken(function + " needs an authenticated caller.");
        }
        return caller;
    }

    /** The request the edge read strictly, where it read one; else what Funqy bound. */
    public CreateVpcEndpointRequest createRequest(CreateVpcEndpointRequest bound) {
        return request(bound, CreateVpcEndpointRequest.class);
    }

    /** The request the edge read strictly as this type, where it read one; else what Funqy bound. */
    public <T> T request(T bound, Class<T> type) {
        Object read = exchange == null ? null : exchange.get(REQUEST);
        return type.isInstance(read) ? type.cast(read) : bound;
    }

    /** The answer is a 202 with the status resource's Location and a Retry-After. */
    public void accepted(String location, int retryAfterSeconds) {
        if (exchange != null) {
            exchange.put(LOCATION, location);
            exchange.put(RETRY_AFTER, retryAfterSeconds);
        }
    }

    /** The job still runs: the answer carries a Retry-After. */
    public void running(int retryAfterSeconds) {
        if (exchange != null) {
            exchange.put(RETRY_AFTER, retryAfterSeconds);
        }
    }
}
