package io.privatelink.provisioner.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ServiceFunction;
import io.smallrye.jwt.auth.principal.JWTParser;

/**
 * Who a caller is and what it may call: bearer JWTs verified by SmallRye JWT, roles per function, the per-caller
 * create rate, and the platform's push secret for internal functions. No HTTP here: the edge asks, this answers.
 */
@ApplicationScoped
public class CallerAuthenticator {

    private static final int VERIFIED_AT_MOST = 10_000;
    /** The job's caller_subject and caller_tenant columns hold this many characters. */
    private static final int MAX_CLAIM = 255;

    private final JWTParser parser;
    private final AuthConfig config;
    private final CreateRateLimiter limiter;
    /**
     * Tokens verified lately, by their SHA-256, until they expire: a caller's next requests skip the signature check
     * and the hop off the event loop. Only the digest is kept, never the token.
     */
    private final Map<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    private final Clock clock;

    public CallerAuthenticator(JWTParser parser, AuthConfig config, CreateRateLimiter limiter, Clock clock) {
        this.clock = clock;
        this.parser = parser;
        this.config = config;
        this.limiter = limiter;
    }

    public boolean enabled() {
        return config.enabled();
    }

    public boolean trustsPlatformInvoke() {
        return config.trustPlatformInvoke();
    }

    /**
     * A verified token as later requests need it: when it expires, the caller it stands for and its roles, read from
     * its claims once (a custom claim's lookup costs SmallRye JWT an exception each time).
     */
    public record Verified(long expiresAt, Caller caller, Set<String> groups) {
    }

    /** The token if it was verified lately and has not expired since; null otherwise. */
    public Verified remembered(String token) {
        Verified known = verified.get(digest(token));
        return known != null && known.expiresAt() > clock.instant().getEpochSecond() ? known : null;
    }

    /**
     * Verifies the token's signature, issuer, audience and expiry, and reads the caller from its claims. Blocking: the
     * keys may come from a JWKS URL.
     *
     * @throws ApiException InvalidToken, saying why in words that name no part of the token (an unverifiable token,
     *         no subject, or a subject or tenant the job's columns cannot hold)
     */
    public Verified verify(String token) {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (Exception e) {
            throw ApiErrors.invalidToken(reason(e));
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw ApiErrors.invalidToken("The bearer token names no subject (sub).");
        }
        Object claim = jwt.getClaim(config.tenantClaim());
        String tenant = claim == null ? "" : String.valueOf(claim);
        if (!keepable(jwt.getSubject()) || !keepable(tenant)) {
            // Even a trusted issuer's claims meet the job's columns: refused here, never a failed insert.
            throw ApiErrors.invalidToken("The bearer token's subject or tenant is longer than " + MAX_CLAIM
                    + " characters or holds a control character.");
        }
        Set<String> groups = Set.copyOf(jwt.getGroups());
        Verified known = new Verified(jwt.getExpirationTime(), Caller.of(jwt.getSubject(), tenant, groups), groups);
        if (verified.size() >= VERIFIED_AT_MOST) {
            verified.clear();
        }
        verified.put(digest(token), known);
        return known;
    }

    /**
     * The caller a verified token stands for, if its role allows the function at {@code path} and, for a create,
     * the caller's rate allows one more.
     *
     * @throws ApiException Forbidden.Role or Throttling.User
     */
    public Caller admit(String path, Verified token) {
        Optional<ServiceFunction> function = ServiceFunction.at(path);
        Set<String> allowed = function.map(ServiceFunction::roles).orElse(Set.of());
        if (!allowed.isEmpty() && allowed.stream().noneMatch(token.groups()::contains)) {
            throw ApiErrors.forbiddenRole(path.substring(1), String.join(" or ", new TreeSet<>(allowed)));
        }
        Caller caller = token.caller();
        long wait = function.filter(ServiceFunction::spendsCreateRate).isPresent() ? limiter.acquire(caller.owner()) : 0;
        if (wait > 0) {
            throw ApiErrors.throttled(wait);
        }
        return caller;
    }

    /**
     * The platform's push secret, compared in constant time.
     *
     * @throws ApiException InvalidToken or MissingToken when it is not the configured one
     */
    public void checkPushSecret(String given, String header) {
        if (config.pushSecret().isEmpty()) {
            throw ApiErrors.invalidToken("The internal functions take no HTTP calls here: no push secret is configured.");
        }
        if (given == null) {
            throw ApiErrors.missingToken("The internal functions need the platform's push secret in the " + header
                    + " header.");
        }
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                config.pushSecret().get().getBytes(StandardCharsets.UTF_8))) {
            throw ApiErrors.invalidToken("The push secret was refused.");
        }
    }

    private static boolean keepable(String claim) {
        return claim.length() <= MAX_CLAIM && claim.chars().noneMatch(Character::isISOControl);
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
