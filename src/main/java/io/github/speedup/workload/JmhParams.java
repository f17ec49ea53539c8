package io.github.speedup.workload;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JMH benchmark's {@code @Param} fields: the value each takes and how its text becomes the
 * field's value, as JMH does it. JMH's generator refuses a final field, a type other than a
 * primitive, its box, {@code String} or an enum, and a value that does not convert
 * ({@code StateObjectHandler.checkParam}); its generated code converts with {@code Integer.valueOf}
 * and the like, {@code charAt(0)} and the enum's {@code valueOf} ({@code StateObject.getParamAccessor}),
 * and sets the field by reflection whatever its access. A {@code @Param} that lists no values takes
 * an enum's constants, and is refused on any other type. JMH runs every listed value in turn; a
 * workload takes the first. A value that cannot be set fails the workload, naming the field: a
 * benchmark never runs on a field left at its default.
 */
final class JmhParams {

    /** JMH's {@code Param.BLANK_ARGS}: what {@code value()} holds when a {@code @Param} lists no values. */
    static final String BLANK_ARGS = "blank_blank_blank_2014";

    private static final String ALLOWED_TYPES = "a primitive type, its box, String or an enum";

    /** Each box with its primitive, so that a field of either takes the same values. */
    private static final Map<Class<?>, Class<?>> PRIMITIVES = Map.of(Boolean.class, boolean.class,
            Character.class, char.class, Byte.class, byte.class, Short.class, short.class, Integer.class, int.class,
            Long.class, long.class, Float.class, float.class, Double.class, double.class);

    private JmhParams() {
    }

    /**
     * The text of the value {@code field} takes, checked against its type without running any of
     * the project's code: the first its {@code @Param} lists, or an enum's first constant.
     *
     * @throws WorkloadDefinitionException for a final field, a type no value converts to, no value
     *                                     listed, or a listed value that does not convert: naming the
     *                                     field, the value and what is allowed
     */
    static String value(Field field, Annotation param) throws WorkloadDefinitionException {
        String name = "the @Param field " + field.getDeclaringClass().getName() + "." + field.getName();
        Class<?> type = field.getType();
        if (Modifier.isFinal(field.getModifiers())) {
            throw new WorkloadDefinitionException(name + " is final, so its value cannot be set (JMH refuses it "
                    + "too): allowed, a non-final field of " + ALLOWED_TYPES);
        }
        if (!type.isPrimitive() && !PRIMITIVES.containsKey(type) && type != String.class && !type.isEnum()) {
            throw new WorkloadDefinitionException(name + " is of type " + type.getName() + ", which no @Param value "
                    + "converts to: allowed, a field of " + ALLOWED_TYPES);
        }
        String[] values;
        try {
            values = (String[]) param.annotationType().getMethod("value").invoke(param);
        } catch (ReflectiveOperationException e) {
            throw new WorkloadDefinitionException("cannot read the values of " + name, e);
        }
        if (values.length == 1 && values[0].equalsIgnoreCase(BLANK_ARGS) && type.isEnum()
                && !constants(type).isEmpty()) {
            return constants(type).get(0);
        }
        if (values.length == 0 || values.length == 1 && values[0].equalsIgnoreCase(BLANK_ARGS)) {
            throw new WorkloadDefinitionException(name + " lists no values, and a workload takes the first value "
                    + "its @Param lists (there is no JMH -p here to give one): allowed, @Param({\"<value>\"}) with "
                    + expected(type));
        }
        for (String value : values) {
            if (!conforms(value, type)) {
                throw new WorkloadDefinitionException(name + " cannot take the value '" + value + "' its @Param "
                        + "lists: allowed, " + expected(type));
            }
        }
        return values[0];
    }

    /**
     * Sets each field on {@code state} to its value, whatever the field's access.
     *
     * @throws WorkloadDefinitionException for a field reflection may not set, naming it and its value
     */
    static void set(Object state, List<JmhSupport.ParamField> params) throws WorkloadDefinitionException {
        for (JmhSupport.ParamField param : params) {
            Field field = param.field();
            try {
                field.setAccessible(true);
                field.set(state, convert(param.value(), field.getType()));
            } catch (IllegalAccessException | RuntimeException e) {
                throw new WorkloadDefinitionException("the @Param field " + field.getDeclaringClass().getName() + "."
                        + field.getName() + " cannot be set to '" + param.value() + "': " + e, e);
            }
        }
    }

    /** What a field of {@code type} takes, for messages. */
    static String expected(Class<?> type) {
        Class<?> primitive = PRIMITIVES.getOrDefault(type, type);
        if (type.isEnum()) {
            return "one of the constants of " + type.getName() + ": " + String.join(", ", constants(type));
        }
        if (primitive == boolean.class) {
            return "true or false";
        }
        if (primitive == char.class) {
            return "exactly one character";
        }
        if (type == String.class) {
            return "any text";
        }
        String box = type.isPrimitive() ? PRIMITIVES.entrySet().stream().filter(entry -> entry.getValue() == type)
                .findFirst().orElseThrow().getKey().getSimpleName() : type.getSimpleName();
        return (primitive == int.class ? "an " : "a ") + primitive.getName() + ", as " + box + ".valueOf reads it";
    }

    private static boolean conforms(String value, Class<?> type) {
        if (type.isEnum()) {
            return constants(type).contains(value);
        }
        try {
            convert(value, type);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The value of {@code text} for a field of {@code type}, converted as JMH's generated code does; a
     * boolean is {@code true} or {@code false} exactly, as JMH's generator accepts it.
     *
     * @throws IllegalArgumentException for text the type does not take
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String text, Class<?> type) {
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        boolean exact = text.equals("true") || text.equals("false");
        // Returned as an Object: a switch of boxes alone would unbox and widen them all to double.
        return switch (PRIMITIVES.getOrDefault(type, type).getName()) {
            case "boolean" -> exact ? Boolean.valueOf(text) : refused(text);
            case "char" -> text.length() == 1 ? Character.valueOf(text.charAt(0)) : refused(text);
            case "byte" -> Byte.valueOf(text);
            case "short" -> Short.valueOf(text);
            case "int" -> Integer.valueOf(text);
            case "long" -> Long.valueOf(text);
            case "float" -> Float.valueOf(text);
            case "double" -> Double.valueOf(text);
            default -> text;
        };
    }

    private static Object refused(String text) {
        throw new IllegalArgumentException(text);
    }

    /** An enum's constants in the order they are declared, read without initialising the enum. */
    private static List<String> constants(Class<?> type) {
        // A loop, not a stream: tasks are made in worker JVMs, where each lambda's bootstrap costs milliseconds.
        List<String> constants = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (field.isEnumConstant()) {
                constants.add(field.getName());
            }
        }
        return constants;
    }
}
