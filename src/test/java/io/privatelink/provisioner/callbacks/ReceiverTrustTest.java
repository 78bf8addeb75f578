package io.privatelink.provisioner.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.privatelink.provisioner.fixtures.TestCertificates;

/** The operator's trust-certificates files: each must hold a certificate, or the start stops naming the file. */
class ReceiverTrustTest {

    @Test
    void everyFileMustHoldACertificateNotOnlyTheFirst(@TempDir Path dir) throws IOException {
        Path pem = TestCertificates.issue("receiver-trust-test", "localhost").pem();
        assertNotNull(ReceiverTrust.withAuthorities(List.of(pem)));
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ReceiverTrust.withAuthorities(List.of(pem, empty)));
        assertEquals("privatelink.callbacks.trust-certificates: no certificate in " + empty, e.getMessage());
    }
}
