package io.privatelink.provisioner.callbacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What a receiver's certificate is checked against: the JVM's certificate authorities, and those an operator adds
 * (an internal receiver under a company's own CA). Either may vouch for a chain; the host name is checked as ever.
 */
final class ReceiverTrust extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager jvm;
    private final X509ExtendedTrustManager added;

    private ReceiverTrust(X509ExtendedTrustManager jvm, X509ExtendedTrustManager added) {
        this.jvm = jvm;
        this.added = added;
    }

    /** The JVM's authorities and those in {@code pemFiles} (each a file of one or more PEM certificates). */
    static TrustManager withAuthorities(List<Path> pemFiles) {
        try {
            KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
            authorities.load(null, null);
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            int n = 0;
            for (Path file : pemFiles) {
                int before = n;
                try (InputStream in = Files.newInputStream(file)) {
                    for (Certificate certificate : x509.generateCertificates(in)) {
                        authorities.setCertificateEntry("authority-" + n++, certificate);
                    }
                }
                if (n == before) {
                    throw new IllegalStateException("privatelink.callbacks.trust-certificates: no certificate in "
                            + file);
                }
            }
            return new ReceiverTrust(trustManager(null), trustManager(authorities));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("privatelink.callbacks.trust-certificates: " + e.getMessage(), e);
        }
    }

    private static X509ExtendedTrustManager trustManager(KeyStore authorities) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(authorities);
        return Arrays.stream(factory.getTrustManagers()).filter(X509ExtendedTrustManager.class::isInstance)
                .map(X509ExtendedTrustManager.class::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no X.509 trust manager"));
    }

    /** The JVM's verdict, or else the added authorities'; the JVM's refusal stands when both refuse. */
    private interface Check {
        void run(X509ExtendedTrustManager manager) throws CertificateException;
    }

    private void either(Check check) throws CertificateException {
        try {
            check.run(jvm);
        } catch (CertificateException refused) {
            try {
                check.run(added);
            } catch (CertificateException alsoRefused) {
                refused.addSuppressed(alsoRefused);
                throw refused;
            }
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        either(m -> m.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        either(m -> m.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        either(m -> m.checkServerTrusted(chain, authType));
    }

    /** The service is never a TLS server to its receivers. */
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("no client certificates are checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("no client certificates are checked here");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("no client certificates are checked here");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return Stream.concat(Arrays.stream(jvm.getAcceptedIssuers()), Arrays.stream(added.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
