package io.privatelink.provisioner.cloud;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

/**
 * Reports whether the PrivateLink endpoint answers a TCP connection. It never makes the service unready: jobs wait
 * and retry through a cloud outage, and taking the front door down with it would only turn 202s into errors.
 */
@Readiness
@ApplicationScoped
public class CloudReachability implements AsyncHealthCheck {

    private final CloudConfig config;
    private final NetClient client;

    public CloudReachability(CloudConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(2000));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        String target = config.endpoint().orElse("privatelink." + config.region() + ".aliyuncs.com:443");
        int colon = target.lastIndexOf(':');
        String host = colon < 0 ? target : target.substring(0, colon);
        int port = colon < 0 ? ("HTTP".equalsIgnoreCase(config.protocol()) ? 80 : 443)
                : Integer.parseInt(target.substring(colon + 1));
        return Uni.createFrom().completionStage(() -> client.connect(port, host).toCompletionStage())
                .map(socket -> {
                    socket.close();
                    return HealthCheckResponse.named("PrivateLink cloud").up()
                            .withData("endpoint", target).withData("reachable", true).build();
                })
                .onFailure().recoverWithItem(e -> HealthCheckResponse.named("PrivateLink cloud").up()
                        .withData("endpoint", target).withData("reachable", false)
                        .withData("error", String.valueOf(e.getMessage())).build());
    }
}
