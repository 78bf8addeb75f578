package io.privatelink.provisioner.auth;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class AuthStartupCheckTest {

    private static final Set<String> VERIFIABLE = Set.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer",
            "mp.jwt.verify.audiences");

    @Test
    void productionRefusesAuthenticationOffUnlessForced() {
        var refused = assertThrows(IllegalStateException.class,
                () -> AuthStartupCheck.verify(true, false, false, VERIFIABLE::contains));
        assertTrue(refused.getMessage().contains("PRIVATELINK_AUTH_ALLOW_DISABLED"), refused.getMessage());
        assertDoesNotThrow(() -> AuthStartupCheck.verify(true, false, true, name -> false));
        assertDoesNotThrow(() -> AuthStartupCheck.verify(false, false, false, name -> false));
    }

    @Test
    void authenticationOnNeedsKeysIssuerAndAudience() {
        assertDoesNotThrow(() -> AuthStartupCheck.verify(true, true, false, VERIFIABLE::contains));
        for (String missing : VERIFIABLE) {
            var refused = assertThrows(IllegalStateException.class, () -> AuthStartupCheck.verify(true, true, false,
                    name -> VERIFIABLE.contains(name) && !name.equals(missing)));
            assertTrue(refused.getMessage().contains(missing), refused.getMessage());
        }
    }
}
