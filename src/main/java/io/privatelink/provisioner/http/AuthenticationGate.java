package io.privatelink.provisioner.http;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ServiceFunction;
import io.privatelink.provisioner.auth.Caller;
import io.privatelink.provisioner.auth.CallerAuthenticator;
import io.privatelink.provisioner.invocation.EdgeLimits;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.push.PushRoutes;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gate in front of every function. Caller-facing functions need a bearer JWT with a role that may call them;
 * internal functions and the platform's push routes need the push secret instead, which no caller token can stand
 * in for. Any other path but health, metrics and the jobs page needs a valid token too, so a function added later is
 * closed until it is listed in {@link CallerAuthenticator}.
 */
@ApplicationScoped
public class AuthenticationGate {

    private static final Logger LOG = Logger.getLogger(AuthenticationGate.class);
    public static final String PUSH_SECRET_HEADER = "X-Privatelink-Push-Secret";
    /** The CloudEvent extension attribute "pushsecret" in binary mode, which Knative sources can set. */
    public static final String PUSH_SECRET_CE_HEADER = "ce-pushsecret";
    /** The routes the platform pushes Kafka records and ticks to: as closed as the internal functions. */
    public static final Set<String> PUSH_ROUTES = Set.of(PushRoutes.INVOKE, PushRoutes.REQUESTS, PushRoutes.TICK);
    private static final Set<String> PUBLIC_PATHS = Set.of("/", "/jobs.html", "/favicon.ico", "/openapi.yaml");

    private final CallerAuthenticator authenticator;

    public AuthenticationGate(CallerAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    void routes(@Observes Router router) {
        router.route().order(EdgeLimits.BEFORE_FUNQY - 50).handler(this::authenticate);
    }

    private void authenticate(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        try {
            if (!authenticator.enabled()) {
                ctx.put(Invocation.CALLER, Caller.anonymous());
                ctx.next();
            } else if (PushRoutes.INVOKE.equals(path) && authenticator.trustsPlatformInvoke()) {
                ctx.next();
            } else if (ServiceFunction.at(path).filter(ServiceFunction::isInternal).isPresent() || PUSH_ROUTES.contains(path)) {
                String given = ctx.request().getHeader(PUSH_SECRET_HEADER);
                authenticator.checkPushSecret(given != null ? given : ctx.request().getHeader(PUSH_SECRET_CE_HEADER),
                        PUSH_SECRET_HEADER);
                ctx.next();
            } else if (isOpen(path)) {
                ctx.next();
            } else {
                authenticateCaller(ctx, path);
            }
        } catch (ApiException e) {
            ctx.fail(e);
        }
    }

    /** Health, metrics and the jobs page: open to anyone. */
    private static boolean isOpen(String path) {
        return path.startsWith("/q/") || PUBLIC_PATHS.contains(path);
    }

    /** The open paths and the platform's push routes: served, but by no function. */
    static boolean isServedBesideTheFunctions(String path) {
        return isOpen(path) || PUSH_ROUTES.contains(path);
    }

    private void authenticateCaller(RoutingContext ctx, String path) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiErrors.missingToken("The request needs a bearer token: Authorization: Bearer <JWT>.");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw ApiErrors.invalidToken("The Authorization header must be Bearer <JWT>.");
        }
        String token = header.substring(7).trim();
        CallerAuthenticator.Verified known = authenticator.remembered(token);
        if (known != null) {
            admit(ctx, path, known);
            return;
        }
        // Verification may fetch keys from a JWKS URL: keep it off the event loop.
        ctx.vertx().executeBlocking(() -> authenticator.verify(token), false).onComplete(verified -> {
            if (verified.failed()) {
                LOG.debugf("token refused for %s: %s", path, verified.cause().getMessage());
                ctx.fail(verified.cause());
            } else {
                admit(ctx, path, verified.result());
            }
        });
    }

    private void admit(RoutingContext ctx, String path, CallerAuthenticator.Verified token) {
        try {
            ctx.put(Invocation.CALLER, authenticator.admit(path, token));
        } catch (ApiException e) {
            ctx.fail(e);
            return;
        }
        ctx.next();
    }
}
