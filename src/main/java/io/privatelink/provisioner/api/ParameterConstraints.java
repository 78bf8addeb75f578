package io.privatelink.provisioner.api;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Each parameter's form, as the request records declare it with Jakarta Validation's annotations: {@code @NotNull},
 * {@code @NotBlank}, {@code @Pattern}, {@code @Size}, {@code @Min}, {@code @Max}, constraints composed of them (which
 * report their own message), and {@code @Valid} to look into a record or a list's elements. A record's rules are read
 * once; a request is checked in the order its record declares its parameters, a list element by element, and the
 * first rule it breaks answers its message (the API's error code). Read here rather than by Hibernate Validator:
 * these are all the API uses, and the validator's boot was a third of a second of every cold start.
 */
public final class ParameterConstraints {

    /** A rule of a value: its message when broken. */
    private record Rule(String message, Predicate<Object> broken) {
    }

    /** A parameter: the record's accessor, the rules of its value, and of each element when it is a list. */
    private record Parameter(Method accessor, List<Rule> rules, boolean nested, List<Rule> elementRules,
            boolean nestedElements) {
    }

    private static final ClassValue<List<Parameter>> PARAMETERS = new ClassValue<>() {
        @Override
        protected List<Parameter> computeValue(Class<?> type) {
            return parametersOf(type);
        }
    };

    private ParameterConstraints() {
    }

    /** The message of the first rule the record breaks, in its parameters' order. */
    public static Optional<String> firstBroken(Record request) {
        return Optional.ofNullable(check(request));
    }

    private static String check(Object record) {
        for (Parameter p : PARAMETERS.get(record.getClass())) {
            Object value = valueOf(p.accessor(), record);
            String broken = firstBroken(p.rules(), value);
            if (broken == null && value != null && p.nested()) {
                broken = check(value);
            }
            if (broken == null && value instanceof Collection<?> elements) {
                for (Object element : elements) {
                    broken = firstBroken(p.elementRules(), element);
                    if (broken == null && element != null && p.nestedElements()) {
                        broken = check(element);
                    }
                    if (broken != null) {
                        break;
                    }
                }
            }
            if (broken != null) {
                return broken;
            }
        }
        return null;
    }

    private static String firstBroken(List<Rule> rules, Object value) {
        for (Rule rule : rules) {
            if (rule.broken().test(value)) {
                return rule.message();
            }
        }
        return null;
    }

    private static Object valueOf(Method accessor, Object record) {
        try {
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
        }
    }

    private static List<Parameter> parametersOf(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            Field field = field(type, c.getName());
            List<Rule> rules = rules(field.getAnnotations(), null);
            boolean nested = field.isAnnotationPresent(Valid.class);
            if (nested && !field.getType().isRecord()) {
                throw new IllegalStateException(type.getSimpleName() + "." + c.getName()
                        + ": @Valid goes on a record parameter, or on a list's element type");
            }
            List<Rule> elementRules = List.of();
            boolean nestedElements = false;
            AnnotatedType declared = field.getAnnotatedType();
            if (declared instanceof AnnotatedParameterizedType generic
                    && Collection.class.isAssignableFrom(field.getType())) {
                Annotation[] onElements = generic.getAnnotatedActualTypeArguments()[0].getAnnotations();
                elementRules = rules(onElements, null);
                nestedElements = java.util.Arrays.stream(onElements).anyMatch(a -> a instanceof Valid);
            }
            c.getAccessor().setAccessible(true);
            parameters.add(new Parameter(c.getAccessor(), rules, nested, elementRules, nestedElements));
        }
        return List.copyOf(parameters);
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type + " has no field for its component " + name, e);
        }
    }

    /**
     * The rules of these annotations; {@code composedMessage} replaces each message inside a composed constraint
     * (which reports as one).
     */
    private static List<Rule> rules(Annotation[] annotations, String composedMessage) {
        List<Rule> rules = new ArrayList<>();
        for (Annotation a : annotations) {
            Rule rule = rule(a, composedMessage);
            if (rule != null) {
                rules.add(rule);
            } else if (a.annotationType().isAnnotationPresent(Constraint.class)) {
                rules.addAll(composed(a));
            } else if (repeated(a)) {
                throw new IllegalStateException("a repeated constraint, which this reader does not read: " + a);
            }
        }
        return rules;
    }

    private static Rule rule(Annotation a, String composedMessage) {
        if (a instanceof NotNull n) {
            return new Rule(or(composedMessage, n.message()), v -> v == null);
        }
        if (a instanceof NotBlank n) {
            // As Hibernate Validator reads it: blank is what trim() leaves empty (code points up to U+0020).
            return new Rule(or(composedMessage, n.message()), v -> v == null || v.toString().trim().isEmpty());
        }
        if (a instanceof Pattern p) {
            if (p.flags().length > 0) {
                throw new IllegalStateException("@Pattern flags are not read: " + a);
            }
            java.util.regex.Pattern regex = java.util.regex.Pattern.compile(p.regexp());
            return new Rule(or(composedMessage, p.message()), v -> v != null && !regex.matcher(v.toString()).matches());
        }
        if (a instanceof Size s) {
            return new Rule(or(composedMessage, s.message()), v -> v != null && (size(v) < s.min() || size(v) > s.max()));
        }
        if (a instanceof Min m) {
            return new Rule(or(composedMessage, m.message()), v -> v != null && ((Number) v).longValue() < m.value());
        }
        if (a instanceof Max m) {
            return new Rule(or(composedMessage, m.message()), v -> v != null && ((Number) v).longValue() > m.value());
        }
        return null;
    }

    /**
     * A constraint made of the ones above, reporting as one with its own message (the only kind the API declares):
     * anything else (its own validator, several reports, no code of its own) is refused when the record is read.
     */
    private static List<Rule> composed(Annotation a) {
        Class<? extends Annotation> type = a.annotationType();
        String message = message(a);
        if (type.getAnnotation(Constraint.class).validatedBy().length > 0
                || !type.isAnnotationPresent(jakarta.validation.ReportAsSingleViolation.class) || message.startsWith("{")) {
            throw new IllegalStateException("a constraint this reader does not read: " + a);
        }
        List<Rule> rules = rules(type.getAnnotations(), message);
        if (rules.isEmpty()) {
            throw new IllegalStateException("a constraint this reader does not know: " + a);
        }
        return rules;
    }

    /** A container of repeated constraints (two @Pattern on one parameter make a @Pattern.List). */
    private static boolean repeated(Annotation a) {
        try {
            Class<?> value = a.annotationType().getMethod("value").getReturnType();
            return value.isArray() && value.getComponentType().isAnnotationPresent(Constraint.class);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String or(String composed, String own) {
        if (composed != null) {
            return composed;
        }
        if (own.startsWith("{")) {
            throw new IllegalStateException("a constraint without the API's error code as its message: " + own);
        }
        return own;
    }

    private static int size(Object v) {
        if (v instanceof CharSequence text) {
            return text.length();
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        throw new IllegalStateException("@Size on a " + v.getClass());
    }

    private static String message(Annotation composed) {
        try {
            return (String) composed.annotationType().getMethod("message").invoke(composed);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(composed + " has no message", e);
        }
    }
}
