package io.privatelink.provisioner.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** The CreateVpcEndpoint rules, one table, checked in order; the first broken rule is the answer. */
public final class RequestValidator {

    private interface Rule extends Function<CreateVpcEndpointRequest, Optional<ApiException>> {
    }

    private static final List<Rule> RULES = List.of(
            r -> blank(r.regionId()) ? Optional.of(ApiErrors.missing("RegionId", "RegionId is mandatory for this action."))
                    : Optional.empty(),
            r -> blank(r.vpcId()) ? Optional.of(ApiErrors.missing("VpcId", "VpcId is mandatory for this action."))
                    : Optional.empty(),
            r -> blank(r.serviceId()) && blank(r.serviceName())
                    ? Optional.of(ApiErrors.missing("ServiceId",
                            "ServiceId or ServiceName is mandatory for this action: give either."))
                    : Optional.empty());

    private RequestValidator() {
    }

    /** Throws the first rule the request breaks. */
    public static void validate(CreateVpcEndpointRequest request) {
        for (Rule rule : RULES) {
            Optional<ApiException> broken = rule.apply(request);
            if (broken.isPresent()) {
                throw broken.get();
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
