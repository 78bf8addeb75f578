package io.privatelink.provisioner.api;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API's flattened form (Zone.1.VSwitchId, SecurityGroupId.1, Tag.1.Key, booleans as true/false) turned into the
 * JSON body, so that one reader and one set of rules serve both. Indexes start at 1 and leave no gaps.
 */
public final class FlatParameters {

    private static final java.util.regex.Pattern INDEXED = java.util.regex.Pattern.compile("([A-Za-z]+)\\.([^.]*)(?:\\.(.+))?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Class<?>> SCALAR_TYPES = new TreeMap<>();

    static {
        for (RecordComponent c : CreateVpcEndpointRequest.class.getRecordComponents()) {
            SCALAR_TYPES.put(c.getAccessor().getAnnotation(JsonProperty.class).value(), c.getType());
        }
    }

    private FlatParameters() {
    }

    /** @throws ApiException InvalidParameter for a gap, a non-numeric index or one name given twice */
    public static ObjectNode toJson(Map<String, List<String>> parameters) {
        // Names go into Messages: a hostile one is quoted, never echoed as it came.
        ObjectNode body = NODES.objectNode();
        Map<String, TreeMap<Integer, Object>> lists = new TreeMap<>();
        parameters.forEach((name, values) -> {
            if (values.stream().distinct().count() != 1) {
                throw ApiErrors.invalidParameter("The parameter " + ApiErrors.quoted(name) + " is given more than once.");
            }
            String value = values.get(0);
            Matcher m = INDEXED.matcher(name);
            if (!m.matches()) {
                body.set(name, scalar(name, value));
                return;
            }
            int index = index(name, m.group(2));
            TreeMap<Integer, Object> list = lists.computeIfAbsent(m.group(1), k -> new TreeMap<>());
            if (m.group(3) == null) {
                list.put(index, value);
            } else {
                Object element = list.computeIfAbsent(index, k -> NODES.objectNode());
                if (!(element instanceof ObjectNode object)) {
                    throw ApiErrors.invalidParameter("The parameter " + ApiErrors.quoted(name) + " mixes a value and fields at one index.");
                }
                object.put(m.group(3), value);
            }
        });
        lists.forEach((name, elements) -> {
            if (elements.lastKey() != elements.size()) {
                throw ApiErrors.invalidParameter("The indexes of " + ApiErrors.quoted(name) + ".N must run 1, 2, 3 ... without gaps; got "
                        + elements.keySet() + ".");
            }
            ArrayNode array = body.putArray(name);
            elements.values().forEach(e -> array.add(e instanceof JsonNode node ? node : NODES.textNode((String) e)));
        });
        return body;
    }

    private static int index(String name, String text) {
        if (!text.matches("[1-9][0-9]{0,3}")) {
            throw ApiErrors.invalidParameter("The parameter " + ApiErrors.quoted(name) + " has no valid index: "
                    + ApiErrors.quoted(name.replace(text, "N"))
                    + " takes N = 1, 2, 3 ...");
        }
        return Integer.parseInt(text);
    }

    /** Booleans and integers travel as text in the flat form; they are given their JSON type where it is clear. */
    private static JsonNode scalar(String name, String value) {
        Class<?> type = SCALAR_TYPES.get(name);
        if (type == Boolean.class && ("true".equals(value) || "false".equals(value))) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if ((type == Integer.class || type == Long.class) && value.matches("-?[0-9]{1,18}")) {
            return NODES.numberNode(Long.parseLong(value));
        }
        return NODES.textNode(value);
    }
}
