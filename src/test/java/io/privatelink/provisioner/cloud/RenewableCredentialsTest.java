package io.privatelink.provisioner.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.StaticCredentialsProvider;

class RenewableCredentialsTest {

    private final AtomicInteger made = new AtomicInteger();
    private final RenewableCredentials credentials = new RenewableCredentials(() -> {
        int n = made.incrementAndGet();
        return new StaticCredentialsProvider(new BasicSessionCredentials("STS.key" + n, "secret" + n, "token" + n));
    });

    @Test
    void aRenewalMakesTheNextCallUseNewCredentials() throws Exception {
        String before = credentials.getCredentials().getAccessKeyId();
        credentials.renew(credentials.generation());
        assertNotEquals(before, credentials.getCredentials().getAccessKeyId());
        assertEquals(2, made.get());
    }

    @Test
    void callsThatFailedTogetherRenewOnce() {
        RenewableCredentials.Generation seen = credentials.generation();
        credentials.renew(seen);
        credentials.renew(seen);
        credentials.renew(seen);
        assertEquals(2, made.get(), "one provider at start, one renewal");
    }
}
