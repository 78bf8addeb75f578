package io.privatelink.provisioner.auth;

import java.util.function.Predicate;

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
        verify(LaunchMode.current() == LaunchMode.NORMAL, auth.enabled(), auth.allowDisabled(),
                name -> config.getOptionalValue(name, String.class).isPresent());
        if (!auth.enabled()) {
            LOG.warn("authentication is OFF: every request acts as one caller with every role");
        } else if (auth.pushSecret().isEmpty()) {
            LOG.info("no push secret configured: the internal functions and push routes take no HTTP calls");
        }
    }

    /**
     * @throws IllegalStateException when the start must not go on
     */
    static void verify(boolean production, boolean enabled, boolean allowDisabled, Predicate<String> isSet) {
        if (!enabled) {
            if (production && !allowDisabled) {
                throw new IllegalStateException("privatelink.auth.enabled=false in a production run: anyone could "
                        + "create endpoints. Turn it on, or force it with PRIVATELINK_AUTH_ALLOW_DISABLED=true.");
            }
            return;
        }
        require(isSet.test("mp.jwt.verify.publickey.location") || isSet.test("mp.jwt.verify.publickey"),
                "mp.jwt.verify.publickey.location", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        require(isSet.test("mp.jwt.verify.issuer"), "mp.jwt.verify.issuer", "MP_JWT_VERIFY_ISSUER");
        require(isSet.test("mp.jwt.verify.audiences"), "mp.jwt.verify.audiences", "MP_JWT_VERIFY_AUDIENCES");
    }

    private static void require(boolean set, String name, String env) {
        if (!set) {
            throw new IllegalStateException("authentication is on but " + name + " is not set (environment " + env
                    + "): callers' tokens could not be checked.");
        }
    }
}
