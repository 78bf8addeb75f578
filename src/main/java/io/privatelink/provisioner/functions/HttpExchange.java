package io.privatelink.provisioner.functions;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP exchange a function was invoked by, if any. Funqy cannot set status codes or headers, so a function
 * leaves what the HTTP answer needs here and {@link HttpContract} writes it.
 */
final class HttpExchange {

    static final String LOCATION = "privatelink.location";
    static final String RETRY_AFTER = "privatelink.retry-after";
    /** The CreateVpcEndpoint request as the strict reader read it: the one the function validates and records. */
    static final String REQUEST = "privatelink.request";
    /** Set once the edge's first route saw the request: a failure before it is Quarkus' reading of the body. */
    static final String REACHED_EDGE = "privatelink.reached-edge";

    private HttpExchange() {
    }

    /** The current routing context; null when the function runs from Kafka or a timer. */
    static RoutingContext current() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
    }
}
