package io.privatelink.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The List actions' paging, as the API reads MaxResults and NextToken and renders a page. */
final class Pages {

    private Pages() {
    }

    /** A page of {@code items} under {@code name}, with MaxResults and the NextToken of the next. */
    static Map<String, Object> page(Map<String, String> p, List<Map<String, Object>> items, String name) {
        int maxResults = maxResults(p, 50, 1000);
        int start = p.get("NextToken") == null || p.get("NextToken").isEmpty() ? 0 : parseToken(p.get("NextToken"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("MaxResults", maxResults);
        body.put("NextToken", start + maxResults < items.size() ? String.valueOf(start + maxResults) : "");
        body.put(name, items.subList(Math.min(start, items.size()), Math.min(items.size(), start + maxResults)));
        return body;
    }

    private static int parseToken(String token) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw SeedErrors.of("InvalidParameter", "NextToken", "");
        }
    }

    /** Where a page starts in a list keyed by id: at the id its NextToken names. */
    static int pageStart(Map<String, String> p, List<String> ids) {
        String token = p.get("NextToken");
        if (token == null || token.isEmpty()) {
            return 0;
        }
        int index = ids.indexOf(token);
        if (index < 0) {
            throw SeedErrors.of("InvalidParameter", "NextToken", "");
        }
        return index;
    }

    static int maxResults(Map<String, String> p, int fallback, int max) {
        String text = p.get("MaxResults");
        if (text == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw SeedErrors.of("InvalidParameter", "MaxResults", ": 1 to " + max);
    }
}
