package io.privatelink.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.FormatType;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;

/** A simulator on a free port with its own data folder, and the real aliyun SDK pointed at it. */
final class SimulatorHarness implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AK = PrivateLinkSimulator.Settings.DEFAULT_ACCESS_KEY_ID;
    static final String SECRET = PrivateLinkSimulator.Settings.DEFAULT_ACCESS_KEY_SECRET;

    final Vertx vertx = Vertx.vertx();
    final Path dataDir;
    final PrivateLinkSimulator.Settings settings;
    PrivateLinkSimulator simulator;
    private final HttpClient http = HttpClient.newHttpClient();

    SimulatorHarness(java.util.function.UnaryOperator<PrivateLinkSimulator.Settings> tune) {
        try {
            dataDir = Files.createTempDirectory(Path.of("target"), "simulator-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        settings = tune.apply(PrivateLinkSimulator.Settings.defaults(0, dataDir));
        simulator = PrivateLinkSimulator.start(vertx, settings);
    }

    void restart() {
        simulator.close();
        simulator = PrivateLinkSimulator.start(vertx, new PrivateLinkSimulator.Settings(settings.host(),
                simulator.port(), settings.accessKeys(), settings.activeAfter(), settings.activeAfterPolls(),
                settings.deletedAfter(), settings.seedFile(), settings.dataDir(), settings.faults()));
        // The SDK shares one connection pool; its connections to the old server fail once, as after a real restart.
        for (int i = 0; i < 3 && "SDK.ServerUnreachable".equals(code("ListVpcEndpoints", params("RegionId", "cn-hangzhou"))); i++) {
            Thread.onSpinWait();
        }
    }

    DefaultAcsClient client(String accessKeyId, String secret) {
        return new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", accessKeyId, secret));
    }

    /** One call through the SDK's CommonRequest, as the service makes it. */
    Map<String, Object> call(String action, Map<String, String> params) throws ClientException {
        return call(client(AK, SECRET), action, params, 10_000);
    }

    Map<String, Object> call(DefaultAcsClient client, String action, Map<String, String> params, int readTimeoutMillis)
            throws ClientException {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain("127.0.0.1:" + simulator.port());
        request.setSysVersion(PrivateLinkSimulator.VERSION);
        request.setSysAction(action);
        request.setSysAccept(FormatType.JSON);
        request.setSysReadTimeout(readTimeoutMillis);
        params.forEach(request::putQueryParameter);
        try {
            return JSON.readValue(client.getCommonResponse(request).getData(), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The error code the SDK reports for a call, or "Success". */
    String code(String action, Map<String, String> params) {
        try {
            call(action, params);
            return "Success";
        } catch (ClientException e) {
            return e.getErrCode();
        }
    }

    /** A raw GET with a query the caller built (signed or not), for the protocol's own checks. */
    HttpResponse<String> raw(String query) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + "/?" + query))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> admin(String method, String path, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulator.port() + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> params(String... keyValues) {
        Map<String, String> p = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            p.put(keyValues[i], keyValues[i + 1]);
        }
        return p;
    }

    /** A CreateVpcEndpoint that the default seed accepts, plus the given parameters. */
    static Map<String, String> create(String... extra) {
        Map<String, String> p = params("RegionId", "cn-hangzhou", "VpcId", "vpc-demo01", "ServiceId", "epsrv-demo01",
                "SecurityGroupId.1", "sg-demo01", "Zone.1.VSwitchId", "vsw-demo01h", "Zone.1.ZoneId", "cn-hangzhou-h",
                "ClientToken", java.util.UUID.randomUUID().toString());
        p.putAll(params(extra));
        p.values().removeIf(v -> v == null || v.equals("<none>"));
        return p;
    }

    @Override
    public void close() {
        simulator.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
