package io.privatelink.provisioner.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.functions.HttpContract;
import io.privatelink.provisioner.functions.PushRoutes;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gate in front of every function. Caller-facing functions need a bearer JWT (verified by SmallRye JWT) with a
 * role that may call them; CreateVpcEndpoint is also rate-limited per caller. Internal functions need the platform's
 * push secret instead, which no caller token can stand in for. Any other path but health, metrics and the jobs page
 * needs a valid token too, so a function added later is closed until it is listed here.
 */
@ApplicationScoped
public class RequestAuthentication {

    private static final Logger LOG = Logger.getLogger(RequestAuthentication.class);
    private static final String CALLER = "privatelink.caller";
    public static final String PUSH_SECRET_HEADER = "X-Privatelink-Push-Secret";
    /** The CloudEvent extension attribute "pushsecret" in binary mode, which Knative sources can set. */
    public static final String PUSH_SECRET_CE_HEADER = "ce-pushsecret";

    /** The caller-facing functions and the roles that may call each. */
    public static final Map<String, Set<String>> CALLER_FUNCTIONS = Map.of(
            "/CreateVpcEndpoint", Set.of(Caller.PROVISIONER),
            "/GetVpcEndpointJob", Set.of(Caller.PROVISIONER, Caller.AUDITOR),
            "/ListVpcEndpointJobs", Set.of(Caller.PROVISIONER, Caller.AUDITOR));
    /** The functions only the platform calls. */
    public static final Set<String> INTERNAL_FUNCTIONS = Set.of("/ProvisionVpcEndpoint", "/ReconcileVpcEndpointJobs");
    /** The routes the platform pushes Kafka records and ticks to: as closed as the internal functions. */
    public static final Set<String> PUSH_ROUTES = Set.of(PushRoutes.INVOKE, PushRoutes.REQUESTS, PushRoutes.TICK);
    private static final Set<String> PUBLIC_PATHS = Set.of("/", "/jobs.html", "/favicon.ico");

    private static final int VERIFIED_AT_MOST = 10_000;

    private final JWTParser parser;
    private final AuthConfig config;
    private final CreateRateLimiter limiter;
    /**
     * Tokens verified lately, by their SHA-256, until they expire: a caller's next requests skip the signature check
     * and the hop off the event loop. Only the digest is kept, never the token.
     */
    private final Map<String, JsonWebToken> verified = new java.util.concurrent.ConcurrentHashMap<>();

    public RequestAuthentication(JWTParser parser, AuthConfig config, CreateRateLimiter limiter) {
        this.parser = parser;
        this.config = config;
        this.limiter = limiter;
    }

    /** The caller a request was authenticated as; null outside an authenticated request. */
    public static Caller caller(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(CALLER);
    }

    void routes(@Observes Router router) {
        router.route().order(HttpContract.BEFORE_FUNQY - 50).handler(this::authenticate);
    }

    private void authenticate(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (!config.enabled()) {
            ctx.put(CALLER, Caller.anonymous());
            ctx.next();
        } else if (PushRoutes.INVOKE.equals(path) && config.trustPlatformInvoke()) {
            ctx.next();
        } else if (INTERNAL_FUNCTIONS.contains(path) || PUSH_ROUTES.contains(path)) {
            checkPushSecret(ctx);
        } else if (path.startsWith("/q/") || PUBLIC_PATHS.contains(path)) {
            ctx.next();
        } else {
            authenticateCaller(ctx, path);
        }
    }

    private void checkPushSecret(RoutingContext ctx) {
        String given = ctx.request().getHeader(PUSH_SECRET_HEADER);
        if (given == null) {
            given = ctx.request().getHeader(PUSH_SECRET_CE_HEADER);
        }
        if (config.pushSecret().isEmpty()) {
            ctx.fail(ApiErrors.invalidToken("The internal functions take no HTTP calls here: no push secret is configured."));
        } else if (given == null) {
            ctx.fail(ApiErrors.missingToken("The internal functions need the platform's push secret in the "
                    + PUSH_SECRET_HEADER + " header."));
        } else if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.pushSecret().get().getBytes(StandardCharsets.UTF_8))) {
            ctx.fail(ApiErrors.invalidToken("The push secret was refused."));
        } else {
            ctx.next();
        }
    }

    private void authenticateCaller(RoutingContext ctx, String path) {
        String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            ctx.fail(ApiErrors.missingToken("The request needs a bearer token: Authorization: Bearer <JWT>."));
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            ctx.fail(ApiErrors.invalidToken("The Authorization header must be Bearer <JWT>."));
            return;
        }
        String token = header.substring(7).trim();
        String digest = digest(token);
        JsonWebToken known = verified.get(digest);
        if (known != null && known.getExpirationTime() > System.currentTimeMillis() / 1000) {
            admit(ctx, path, known);
            return;
        }
        // Verification may fetch keys from a JWKS URL: keep it off the event loop.
        ctx.vertx().executeBlocking(() -> parser.parse(token), false).onComplete(parsed -> {
            if (parsed.failed()) {
                LOG.debugf("token refused for %s: %s", path, reason(parsed.cause()));
                ctx.fail(ApiErrors.invalidToken(reason(parsed.cause())));
                return;
            }
            if (verified.size() >= VERIFIED_AT_MOST) {
                verified.clear();
            }
            verified.put(digest, parsed.result());
            admit(ctx, path, parsed.result());
        });
    }

    /** A verified token: its role must allow the function, and a create must be within the caller's rate. */
    private void admit(RoutingContext ctx, String path, JsonWebToken jwt) {
        Object tenant = jwt.getClaim(config.tenantClaim());
        Caller caller = Caller.of(jwt.getSubject(), tenant == null ? "" : String.valueOf(tenant), jwt.getGroups());
        Set<String> allowed = CALLER_FUNCTIONS.get(path);
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            ctx.fail(ApiErrors.invalidToken("The bearer token names no subject (sub)."));
        } else if (allowed != null && allowed.stream().noneMatch(jwt.getGroups()::contains)) {
            ctx.fail(ApiErrors.forbiddenRole(path.substring(1), String.join(" or ", new TreeSet<>(allowed))));
        } else {
            long wait = "/CreateVpcEndpoint".equals(path) ? limiter.acquire(caller.owner()) : 0;
            if (wait > 0) {
                ctx.fail(ApiErrors.throttled(wait));
            } else {
                ctx.put(CALLER, caller);
                ctx.next();
            }
        }
    }

    private static String digest(String token) {
        try {
            return java.util.HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a token was refused, in words that name no part of it. */
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidJwtException e) {
                if (e.hasExpired()) {
                    return "The bearer token has expired.";
                }
                if (e.hasErrorCode(ErrorCodes.ISSUER_INVALID) || e.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "The bearer token was not issued by the trusted issuer.";
                }
                if (e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID) || e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING)) {
                    return "The bearer token is not meant for this service (its audience).";
                }
                if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || e.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "The bearer token's signature does not verify against the trusted keys.";
                }
            }
        }
        return "The bearer token is not a valid JWT from the trusted issuer.";
    }
}
