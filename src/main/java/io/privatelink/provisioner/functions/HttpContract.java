package io.privatelink.provisioner.functions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ErrorBody;
import io.privatelink.provisioner.api.FlatParameters;
import io.privatelink.provisioner.api.RequestReader;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * The wire contract around the Funqy functions, which cannot choose their status: a strict read of the
 * CreateVpcEndpoint body before Funqy's lenient one, 202 with Location and Retry-After for an accepted request,
 * Retry-After while a job runs, and every failure in the API's error shape with its status (never a stack trace).
 */
@ApplicationScoped
public class HttpContract {

    private static final Logger LOG = Logger.getLogger(HttpContract.class);
    /** Vert.x routes with a lower order run first; Funqy's route comes after these. */
    public static final int BEFORE_FUNQY = -100;
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final ObjectMapper json;

    public HttpContract(ObjectMapper json) {
        this.json = json;
    }

    void routes(@Observes Router router) {
        router.route().order(BEFORE_FUNQY).failureHandler(this::failure);
        router.route(HttpMethod.POST, "/CreateVpcEndpoint").order(BEFORE_FUNQY + 1)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.route(HttpMethod.POST, "/CreateVpcEndpoint").order(BEFORE_FUNQY + 2).handler(this::strictCreateBody);
        router.route(HttpMethod.POST, "/CreateVpcEndpoint").order(BEFORE_FUNQY + 3).handler(this::accepted);
        router.route(HttpMethod.GET, "/GetVpcEndpointJob").order(BEFORE_FUNQY + 2).handler(this::queryNames);
        router.route(HttpMethod.GET, "/ListVpcEndpointJobs").order(BEFORE_FUNQY + 2).handler(this::queryNames);
        router.route("/GetVpcEndpointJob").order(BEFORE_FUNQY + 3).handler(this::retryAfter);
    }

    private void strictCreateBody(RoutingContext ctx) {
        try {
            RequestReader.read(jsonBody(ctx));
            ctx.next();
        } catch (ApiException e) {
            ctx.fail(e);
        } catch (java.io.IOException e) {
            ctx.fail(ApiErrors.invalidParameter("The request body cannot be read: " + e.getMessage()));
        }
    }

    /**
     * The request as JSON. The API's flattened form (a form body, or query parameters with no body) is turned into
     * the JSON body Funqy reads, so that both forms meet the same reader and the same rules.
     */
    private byte[] jsonBody(RoutingContext ctx) throws java.io.IOException {
        var body = ctx.body().buffer();
        if (body != null && body.length() > MAX_BODY_BYTES) {
            throw ApiErrors.tooLarge(MAX_BODY_BYTES);
        }
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        boolean form = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (!form && body != null && body.length() > 0) {
            return body.getBytes();
        }
        // With a form body the merged parameters hold the query's and the form's; without a body, the query's.
        var parameters = ctx.request().params();
        if (parameters.isEmpty()) {
            throw ApiErrors.invalidParameter("The request body must be a JSON object of CreateVpcEndpoint parameters.");
        }
        java.util.Map<String, java.util.List<String>> flat = new java.util.LinkedHashMap<>();
        parameters.names().forEach(name -> flat.put(name, parameters.getAll(name)));
        byte[] json = this.json.writeValueAsBytes(FlatParameters.toJson(flat));
        ((RoutingContextInternal) ctx).setBody(io.vertx.core.buffer.Buffer.buffer(json));
        return json;
    }

    /**
     * The contract names query parameters as the API does (JobId); Funqy binds them by bean property name (jobId).
     */
    private void queryNames(RoutingContext ctx) {
        var params = ctx.request().params();
        for (String name : java.util.List.copyOf(params.names())) {
            if (!name.isEmpty() && Character.isUpperCase(name.charAt(0))) {
                // The map is case-insensitive: take the values out before putting them back under the new name.
                var values = params.getAll(name);
                params.remove(name);
                params.add(Character.toLowerCase(name.charAt(0)) + name.substring(1), values);
            }
        }
        ctx.next();
    }

    private void accepted(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 200 && ctx.get(HttpExchange.LOCATION) != null) {
                ctx.response().setStatusCode(202);
                ctx.response().putHeader(HttpHeaders.LOCATION, (String) ctx.get(HttpExchange.LOCATION));
                ctx.response().putHeader("Retry-After", String.valueOf((Object) ctx.get(HttpExchange.RETRY_AFTER)));
            }
        });
        ctx.next();
    }

    private void retryAfter(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 200 && ctx.get(HttpExchange.RETRY_AFTER) != null) {
                ctx.response().putHeader("Retry-After", String.valueOf((Object) ctx.get(HttpExchange.RETRY_AFTER)));
            }
        });
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        ApiException error = toApiError(ctx);
        if (ctx.response().ended()) {
            return;
        }
        try {
            error.headers().forEach(ctx.response()::putHeader);
            ctx.response().setStatusCode(error.httpStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.writeValueAsString(new ErrorBody(JobViews.requestId(), error.code(), error.getMessage(), null)));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    private static ApiException toApiError(RoutingContext ctx) {
        for (Throwable t = ctx.failure(); t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api;
            }
        }
        int status = ctx.statusCode();
        if (ctx.failure() == null && status == 413) {
            return ApiErrors.tooLarge(MAX_BODY_BYTES);
        }
        if (ctx.failure() == null && status == 400) {
            return ApiErrors.invalidParameter("The request body is not a valid JSON object of the function's parameters.");
        }
        if (ctx.failure() == null && status == 404) {
            return new ApiException(404, "InvalidAction.NotFound", "No function is served at " + ctx.request().path() + ".");
        }
        if (ctx.failure() == null && status == 405) {
            return new ApiException(405, "UnsupportedHTTPMethod", "Use POST or GET.");
        }
        LOG.errorf(ctx.failure(), "request %s %s failed", ctx.request().method(), ctx.request().path());
        return ApiErrors.internalError();
    }
}
