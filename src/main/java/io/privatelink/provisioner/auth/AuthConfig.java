package io.privatelink.provisioner.auth;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Who may call what. Callers' tokens are verified by SmallRye JWT against {@code mp.jwt.verify.publickey.location}
 * (a PEM or JWKS file or URL), {@code mp.jwt.verify.issuer} and {@code mp.jwt.verify.audiences}.
 */
@ConfigMapping(prefix = "privatelink.auth")
public interface AuthConfig {

    /** Off only for local experiments: every request then acts as one caller with every role. */
    @WithDefault("true")
    boolean enabled();

    /** A production start with authentication off is refused unless this forces it. */
    @WithDefault("false")
    boolean allowDisabled();

    /** The claim that names the caller's tenant, if its tokens carry one. */
    @WithDefault("tenant")
    String tenantClaim();

    /**
     * The credential of the platform's pushes to the internal functions (header {@code X-Privatelink-Push-Secret},
     * or the CloudEvent extension {@code pushsecret}); with none, the internal functions answer no HTTP call.
     */
    Optional<String> pushSecret();

    /**
     * Whether Function Compute's {@code POST /invoke} goes without the push secret, as its event triggers cannot add
     * one. Only for a function with no HTTP trigger, which FC's authenticated Invoke API alone can reach.
     */
    @WithDefault("false")
    boolean trustPlatformInvoke();

    /** CreateVpcEndpoint calls each caller may make, per instance. */
    RateLimit rateLimit();

    /** Other limits for the callers of some tenants, by tenant. */
    Map<String, RateLimit> tenantRateLimits();

    interface RateLimit {
        @WithDefault("20")
        double perSecond();

        @WithDefault("40")
        int burst();
    }
}
