package io.privatelink.provisioner.provisioning;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.privatelink.provisioner.api.ApiErrors;
import io.privatelink.provisioner.api.ParameterForms;

/**
 * The API's way of paging a list newest first: MaxResults (1 to 100, 20 by default) and an opaque NextToken that
 * names where the previous page ended (a creation time and an id), so that a page boundary stays put while new items
 * arrive.
 */
final class Paging {

    private static final int DEFAULT_MAX_RESULTS = 20;
    private static final int MAX_RESULTS = 100;

    /** Where the previous page ended; both null for the first page. */
    record Cursor(Instant createdAt, String id) {
    }

    private Paging() {
    }

    static int maxResults(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_RESULTS;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1 && n <= MAX_RESULTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiErrors.rule(ApiErrors.ILLEGAL_MAX_RESULTS);
    }

    /** The NextToken of a page whose last item is this one, in URL-safe base64. */
    static String token(Instant createdAt, String id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Cursor cursor(String token) {
        if (token == null || token.isBlank()) {
            return new Cursor(null, null);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8).split("\\|", 2);
            if (ParameterForms.isResourceId(parts[1])) {
                return new Cursor(Instant.parse(parts[0]), parts[1]);
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw ApiErrors.rule(ApiErrors.ILLEGAL_NEXT_TOKEN);
    }

    /** A Status filter: one of the record's statuses, or null for any. */
    static <E extends Enum<E>> E status(String text, Class<E> statuses) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(statuses, value);
        } catch (IllegalArgumentException e) {
            throw ApiErrors.illegal(ApiErrors.ILLEGAL_STATUS, "The specified parameter Status is invalid: one of "
                    + java.util.List.of(statuses.getEnumConstants()) + ".");
        }
    }

    /** A RegionId filter, or null for any. */
    static String region(String text) {
        String region = blankToNull(text);
        if (region != null && !ParameterForms.isResourceId(region)) {
            throw ApiErrors.rule(ApiErrors.ILLEGAL_REGION_ID);
        }
        return region;
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
