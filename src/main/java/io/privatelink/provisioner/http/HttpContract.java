package io.privatelink.provisioner.http;

import static io.privatelink.provisioner.invocation.EdgeLimits.BEFORE_FUNQY;
import static io.privatelink.provisioner.invocation.EdgeLimits.MAX_BODY_BYTES;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;


import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ApiException;
import io.privatelink.provisioner.api.ErrorBody;
import io.privatelink.provisioner.api.FlatParameters;
import io.privatelink.provisioner.api.RequestIds;
import io.privatelink.provisioner.api.RequestReader;
import io.privatelink.provisioner.api.ServiceFunction;
import io.privatelink.provisioner.invocation.Invocation;
import io.privatelink.provisioner.provisioning.FailureClassifier;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.impl.RoutingContextInternal;

/**
 * The wire contract around the Funqy functions, which cannot choose their status: the methods each function takes, a
 * strict read of every JSON body before Funqy's lenient one, 202 with Location and Retry-After for an accepted request,
 * Retry-After while a job runs, and every failure in the API's error shape with its status (never a stack trace).
 */
@ApplicationScoped
public class HttpContract {

    private static final Logger LOG = Logger.getLogger(HttpContract.class);

    /** The longest request line read in full (quarkus.http.limits.max-initial-line-length is above it). */
    public static final int MAX_URI_BYTES = 8 * 1024;
    /** The most header bytes read (quarkus.http.limits.max-header-size is above it). */
    public static final int MAX_HEADER_BYTES = 16 * 1024;
    /** The most form or query parameters a request may have (Vert.x's form decoder refuses more on its own). */
    public static final int MAX_PARAMETERS = 256;

    private final ObjectMapper json;
    private final FailureClassifier failures;

    public HttpContract(ObjectMapper json, FailureClassifier failures) {
        this.json = json;
        this.failures = failures;
    }

    void routes(@Observes Router router) {
        router.route().order(BEFORE_FUNQY).failureHandler(this::failure);
        // Before authentication: a request the edge cannot read is refused before anything else looks at it.
        router.route().order(BEFORE_FUNQY - 80).handler(this::readable);
        // After authentication, so that an unknown path asked without a token stays a 401, as every closed path is.
        router.route().order(BEFORE_FUNQY - 40).handler(this::known);
        for (ServiceFunction function : ServiceFunction.values()) {
            switch (function.kind()) {
                case ACCEPTS, CHANGES -> beforeFunqysBinding(router, function.path(),
                        ctx -> strictBody(ctx, function.requestType()));
                case READS -> {
                    // A read's POST body is read as strictly as a write's before Funqy binds it.
                    beforeFunqysBinding(router, function.path(), ctx -> strictReadBody(ctx, function.requestType()));
                    router.route(HttpMethod.GET, function.path()).order(BEFORE_FUNQY + 2).handler(this::queryNames);
                }
                case INTERNAL -> {
                }
            }
            if (function.success() == 202) {
                router.route(HttpMethod.POST, function.path()).order(BEFORE_FUNQY + 3).handler(this::accepted);
            }
        }
        router.route(ServiceFunction.GetVpcEndpointJob.path()).order(BEFORE_FUNQY + 3).handler(this::retryAfter);
    }

    /** The POST body of {@code path}, read whole and handed to {@code read} before Funqy binds it. */
    private static void beforeFunqysBinding(Router router, String path, io.vertx.core.Handler<RoutingContext> read) {
        router.route(HttpMethod.POST, path).order(BEFORE_FUNQY + 1)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
        router.route(HttpMethod.POST, path).order(BEFORE_FUNQY + 2).handler(read);
    }

    /** A request line the edge reads in full, and a query string of valid escapes and UTF-8. */
    private void readable(RoutingContext ctx) {
        ctx.put(Invocation.REACHED_EDGE, true);
        String uri = ctx.request().uri();
        if (uri.length() > MAX_URI_BYTES) {
            ctx.fail(ApiErrors.requestTooLong(414, "URI", MAX_URI_BYTES));
        } else if (headerBytes(ctx) > MAX_HEADER_BYTES) {
            ctx.fail(ApiErrors.requestTooLong(431, "header section", MAX_HEADER_BYTES));
        } else if (!UrlEncoding.isValid(ctx.request().path())) {
            ctx.fail(ApiErrors.badEncoding("path"));
        } else if (!UrlEncoding.isValid(ctx.request().query())) {
            ctx.fail(ApiErrors.badEncoding("query string"));
        } else {
            ctx.next();
        }
    }

    private static int headerBytes(RoutingContext ctx) {
        int bytes = 0;
        for (var header : ctx.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /** A path that no function serves is InvalidAction.NotFound, whatever the method; a function takes its methods. */
    private void known(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        HttpMethod method = ctx.request().method();
        if (AuthenticationGate.isServedBesideTheFunctions(path)) {
            ctx.next();
        } else {
            ServiceFunction function = ServiceFunction.at(path).orElse(null);
            if (function == null) {
                ctx.fail(ApiErrors.actionNotFound(path));
            } else if (!function.methods().contains(method.name())) {
                ctx.fail(ApiErrors.unsupportedMethod(String.join(", ", function.methods())));
            } else {
                ctx.next();
            }
        }
    }

    private void strictBody(RoutingContext ctx, Class<?> type) {
        try {
            ctx.put(Invocation.REQUEST, RequestReader.read(jsonBody(ctx), type, ctx.normalizedPath().substring(1)));
            ctx.next();
        } catch (ApiException e) {
            ctx.fail(e);
        } catch (java.io.IOException e) {
            ctx.fail(ApiErrors.invalidParameter("The request body cannot be read: " + e.getMessage()));
        }
    }

    /** A read's JSON body, when it has one, holds only the function's parameters in their JSON types. */
    private void strictReadBody(RoutingContext ctx, Class<?> type) {
        var body = ctx.body().buffer();
        try {
            if (!isForm(ctx) && body != null && body.length() > 0) {
                RequestReader.read(body.getBytes(), type, ctx.normalizedPath().substring(1));
            }
            ctx.next();
        } catch (ApiException e) {
            ctx.fail(e);
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
        boolean form = isForm(ctx);
        if (!form && body != null && body.length() > 0) {
            return body.getBytes();
        }
        // Quarkus' body handler decoded the form, replacing bytes that are not UTF-8: the edge checks them first.
        if (form && body != null && !UrlEncoding.isValid(body.toString(java.nio.charset.StandardCharsets.ISO_8859_1))) {
            throw ApiErrors.badEncoding("form body");
        }
        // With a form body the merged parameters hold the query's and the form's; without a body, the query's.
        var parameters = ctx.request().params();
        if (parameters.size() > MAX_PARAMETERS) {
            throw ApiErrors.tooManyParameters(MAX_PARAMETERS);
        }
        if (parameters.isEmpty()) {
            throw ApiErrors.invalidParameter("The request body must be a JSON object of "
                    + ctx.normalizedPath().substring(1) + " parameters.");
        }
        java.util.Map<String, java.util.List<String>> flat = new java.util.LinkedHashMap<>();
        parameters.names().forEach(name -> flat.put(name, parameters.getAll(name)));
        byte[] json = this.json.writeValueAsBytes(FlatParameters.toJson(flat));
        ((RoutingContextInternal) ctx).setBody(io.vertx.core.buffer.Buffer.buffer(json));
        return json;
    }

    private static boolean isForm(RoutingContext ctx) {
        String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
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
            if (ctx.response().getStatusCode() == 200 && ctx.get(Invocation.LOCATION) != null) {
                ctx.response().setStatusCode(202);
                ctx.response().putHeader(HttpHeaders.LOCATION, (String) ctx.get(Invocation.LOCATION));
                ctx.response().putHeader("Retry-After", String.valueOf((Object) ctx.get(Invocation.RETRY_AFTER)));
            }
        });
        ctx.next();
    }

    private void retryAfter(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() == 200 && ctx.get(Invocation.RETRY_AFTER) != null) {
                ctx.response().putHeader("Retry-After", String.valueOf((Object) ctx.get(Invocation.RETRY_AFTER)));
            }
        });
        ctx.next();
    }

    private void failure(RoutingContext ctx) {
        ApiException error = toApiError(ctx, failures);
        if (ctx.response().ended()) {
            return;
        }
        try {
            error.headers().forEach(ctx.response()::putHeader);
            ctx.response().setStatusCode(error.httpStatus())
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(json.writeValueAsString(new ErrorBody(RequestIds.next(), error.code(), error.getMessage(), null)));
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    private static ApiException toApiError(RoutingContext ctx, FailureClassifier failures) {
        if (ctx.failure() != null && ctx.get(Invocation.REACHED_EDGE) == null) {
            // Only Quarkus' own body reading runs before the edge: its form decoder refused the body.
            return ApiErrors.undecodableBody(MAX_PARAMETERS);
        }
        if (ctx.failure() != null) {
            return failures.toApi(ctx.failure(), ctx.request().method() + " " + ctx.request().path());
        }
        int status = ctx.statusCode();
        if (status == 413) {
            return ApiErrors.tooLarge(MAX_BODY_BYTES);
        }
        if (status == 400) {
            return ApiErrors.invalidParameter("The request body is not a valid JSON object of the function's parameters.");
        }
        if (status == 404) {
            return ApiErrors.actionNotFound(ctx.request().path());
        }
        if (status == 405) {
            return ApiErrors.unsupportedMethod("GET, POST");
        }
        LOG.errorf("request %s %s failed with status %d and no cause", ctx.request().method(), ctx.request().path(), status);
        return ApiErrors.internalError();
    }
}
