package io.privatelink.provisioner.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses a start that would leave the functions open by mistake: authentication off in a production run (unless
 * forced), or on without the keys, issuer and audience that tokens are checked against.
 */
@ApplicationScoped
public class AuthStartupCheck {

    private static final Logger LOG = Logger.getLogger(AuthStartupCheck.class);

    void check(@Observes StartupEvent start, AuthConfig auth, Config config) {
        if (!auth.enabled()) {
            if (LaunchMode.current() == LaunchMode.NORMAL && !auth.allowDisabled()) {
                throw new IllegalStateException("privatelink.auth.enabled=false in a production run: anyone could "
                        + "create endpoints. Turn it on, or force it with PRIVATELINK_AUTH_ALLOW_DISABLED=true.");
            }
            LOG.warn("authentication is OFF: every request acts as one caller with every role");
            return;
        }
        require(config, "mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                "mp.jwt.verify.publickey");
        require(config, "mp.jwt.verify.issuer", "MP_JWT_VERIFY_ISSUER", null);
        require(config, "mp.jwt.verify.audiences", "MP_JWT_VERIFY_AUDIENCES", null);
        if (auth.pushSecret().isEmpty()) {
            LOG.info("no push secret configured: ProvisionVpcEndpoint and ReconcileVpcEndpointJobs take no HTTP calls");
        }
    }

    private static void require(Config config, String name, String env, String alternative) {
        boolean set = config.getOptionalValue(name, String.class).isPresent()
                || (alternative != null && config.getOptionalValue(alternative, String.class).isPresent());
        if (!set) {
            throw new IllegalStateException("authentication is on but " + name + " is not set (environment " + env
                    + "): callers' tokens could not be checked.");
        }
    }
}
