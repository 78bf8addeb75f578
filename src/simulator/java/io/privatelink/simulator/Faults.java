package io.privatelink.simulator;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the simulated cloud does wrong on purpose, so that retries and recovery get exercised. Set at start and
 * replaced at run time through {@code PUT /_simulator/faults}; every field is optional.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = false)
public record Faults(
        /** Share of calls answered Throttling.User (0 to 1). */
        @JsonProperty("ThrottleRate") Double throttleRate,
        /** Calls per second each action serves; beyond it, Throttling.User. */
        @JsonProperty("QpsLimits") Map<String, Integer> qpsLimits,
        /** Share of calls answered 503 ServiceUnavailable. */
        @JsonProperty("ServiceUnavailableRate") Double serviceUnavailableRate,
        /** Share of calls answered 500 InternalError. */
        @JsonProperty("InternalErrorRate") Double internalErrorRate,
        /** Added to every call. */
        @JsonProperty("LatencyMillis") Integer latencyMillis,
        /** A random extra of up to this much. */
        @JsonProperty("LatencyJitterMillis") Integer latencyJitterMillis,
        /** Share of calls whose connection is closed without an answer (the work is not done). */
        @JsonProperty("DropRate") Double dropRate,
        /** Share of calls answered only after HangMillis: the work is done, the caller's read times out. */
        @JsonProperty("ReadTimeoutRate") Double readTimeoutRate,
        @JsonProperty("HangMillis") Integer hangMillis,
        /** Endpoints created while set stay Creating for good. */
        @JsonProperty("StuckCreating") Boolean stuckCreating,
        /** A code answered for the next Count calls of an action. */
        @JsonProperty("Forced") List<Forced> forced) {

    public record Forced(@JsonProperty("Action") String action, @JsonProperty("Code") String code,
            @JsonProperty("Count") int count) {
    }

    public static Faults none() {
        return new Faults(null, null, null, null, null, null, null, null, null, null, null);
    }

    double rate(Double value) {
        return value == null ? 0 : value;
    }
}
