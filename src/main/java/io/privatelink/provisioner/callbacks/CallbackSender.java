package io.privatelink.provisioner.callbacks;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.privatelink.provisioner.config.CallbacksConfig;
import io.privatelink.provisioner.job.Callback;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;

/**
 * One attempt to POST a callback: to the address its host resolved to just now (once it passed the rules), signed,
 * with bounded connections per receiver, bounded time, no redirect followed and no more of the answer read than a
 * small limit. Answers what came back; never fails.
 */
@ApplicationScoped
// Made at start: a trust-certificates file that cannot be read stops the start, not the first delivery.
@Startup
public class CallbackSender implements CallbackAttempts {

    static final String CONTENT_TYPE = "application/cloudevents+json";

    private final CallbacksConfig config;
    private final CallbackTargets targets;
    private final CallbackSecrets secrets;
    private final HttpClient client;

    private final Clock clock;

    public CallbackSender(CallbacksConfig config, CallbackTargets targets, CallbackSecrets secrets, Vertx vertx, Clock clock) {
        this.clock = clock;
        this.config = config;
        this.targets = targets;
        this.secrets = secrets;
        int attemptSeconds = (int) Math.max(1, config.attemptTimeout().toSeconds());
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout(attemptSeconds)
                .setMaxRedirects(0)
                .setForceSni(true)
                .setVerifyHost(true)
                .setDecompressionSupported(false);
        config.trustCertificates().ifPresent(files -> options.setTrustOptions(TrustOptions.wrap(
                ReceiverTrust.withAuthorities(files.stream().map(java.nio.file.Path::of).toList()))));
        this.client = vertx.createHttpClient(options,
                // Per receiver address: a slow one holds these and no more; what waits beyond is bounded too.
                new PoolOptions().setHttp1MaxSize(config.connectionsPerHost())
                        .setMaxWaitQueueSize(config.connectionsPerHost() * 16));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public Uni<DeliveryDecisions.Result> attempt(Callback callback) {
        return targets.target(callback.url)
                .flatMap(target -> post(target, callback))
                .onFailure().recoverWithItem(failure -> noAnswer(failure, callback.url));
    }

    private Uni<DeliveryDecisions.Result> post(CallbackTargets.Target target, Callback callback) {
        boolean https = "https".equalsIgnoreCase(target.uri().getScheme());
        int port = target.uri().getPort() > 0 ? target.uri().getPort() : https ? 443 : 80;
        String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                : target.uri().getRawPath();
        String uri = target.uri().getRawQuery() == null ? path : path + "?" + target.uri().getRawQuery();
        long timestamp = clock.instant().getEpochSecond();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, target.address().getHostAddress()))
                .setHost(target.host())
                .setPort(port)
                .setSsl(https)
                .setURI(uri)
                .setFollowRedirects(false)
                .putHeader("content-type", CONTENT_TYPE)
                .putHeader("user-agent", "privatelink-provisioner")
                .putHeader("webhook-id", callback.eventId)
                .putHeader("webhook-timestamp", Long.toString(timestamp))
                .putHeader("webhook-signature", WebhookSignature.header(callback.eventId, timestamp,
                        callback.payload, secrets.keys(callback.callerTenant)));
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return Uni.createFrom().completionStage(() -> client.request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send(Buffer.buffer(callback.payload));
                })
                .map(response -> answered(sent.get(), response))
                .toCompletionStage())
                .ifNoItem().after(config.attemptTimeout()).fail()
                .onFailure().invoke(() -> {
                    HttpClientRequest request = sent.get();
                    if (request != null) {
                        request.reset();
                    }
                });
    }

    /** The status, at once; the answer's body is drained in the background, up to the limit, then dropped. */
    private DeliveryDecisions.Result answered(HttpClientRequest request, HttpClientResponse response) {
        AtomicLong read = new AtomicLong();
        response.exceptionHandler(e -> {
        });
        response.handler(chunk -> {
            if (read.addAndGet(chunk.length()) > config.maxResponseBytes()) {
                request.reset();
            }
        });
        return new DeliveryDecisions.Answered(response.statusCode(), retryAfter(response.getHeader("retry-after")));
    }

    private static Long retryAfter(String header) {
        if (header == null || !header.trim().matches("\\d{1,9}")) {
            return null;
        }
        return Long.parseLong(header.trim());
    }

    /**
     * Why no answer came, in a few words, for the attempt's row, the view and the log: never the URL's query (a
     * client's timeout message quotes the request line, which holds the receiver's token), nor more than 200
     * characters.
     */
    static DeliveryDecisions.Result noAnswer(Throwable failure, String url) {
        String why;
        // Vert.x's own timeouts are java.util.concurrent.TimeoutException's (NoStackTraceTimeoutException).
        if (failure instanceof io.smallrye.mutiny.TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException
                || failure instanceof java.util.concurrent.TimeoutException) {
            why = "no answer in time";
        } else if (failure instanceof TargetRules.Refused) {
            why = "refused: " + failure.getMessage();
        } else if (failure instanceof java.net.ConnectException) {
            why = "connection failed: " + scrubbed(failure.getMessage(), url);
        } else if (failure instanceof javax.net.ssl.SSLException) {
            why = "TLS failed: " + failure.getClass().getSimpleName();
        } else {
            why = failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + scrubbed(failure.getMessage(), url));
        }
        return new DeliveryDecisions.NoAnswer(why.length() <= 200 ? why : why.substring(0, 200));
    }

    /** A message with the URL's query and anything after a '?' taken out. */
    private static String scrubbed(String message, String url) {
        if (message == null) {
            return "";
        }
        String query = java.net.URI.create(url).getRawQuery();
        String without = query == null ? message : message.replace(query, "");
        return without.replaceAll("\\?\\S*", "?");
    }
}
