package io.github.speedup.workload;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A project's own JMH benchmark method as a workload, without a dependency on JMH: its annotations
 * and its {@code Blackhole} are found by name on the project's class path, where they are when the
 * project compiles benchmarks. Per task, before the clock: the benchmark's instance and each
 * {@code @State} parameter are made with their public no-argument constructors, their
 * {@code @Param} fields set to the first value listed, and their {@code @Setup} methods called;
 * after the clock, their {@code @TearDown} methods. JMH's levels (trial, iteration, invocation) are
 * all honoured the same way, since one task is one invocation in one iteration of its own trial.
 */
final class JmhSupport {

    static final String BENCHMARK = "org.openjdk.jmh.annotations.Benchmark";
    static final String STATE = "org.openjdk.jmh.annotations.State";
    static final String SETUP = "org.openjdk.jmh.annotations.Setup";
    static final String TEAR_DOWN = "org.openjdk.jmh.annotations.TearDown";
    static final String PARAM = "org.openjdk.jmh.annotations.Param";
    static final String BLACKHOLE = "org.openjdk.jmh.infra.Blackhole";
    /** What JMH's Blackhole constructor asks of code that makes one outside JMH's generated harness. */
    static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private JmhSupport() {
    }

    /** One reflective call, for set-up and tear-down. */
    record Call(Method method, Object target) {
        void invoke() throws Exception {
            try {
                method.invoke(target);
            } catch (InvocationTargetException e) {
                throw UserTasks.rethrow(e.getCause());
            }
        }
    }

    /** The public method named {@code name} that carries {@code @Benchmark}, or {@code null}. */
    static Method benchmarkMethod(Method[] methods, String name) {
        for (Method method : methods) {
            if (method.getName().equals(name) && annotated(method.getAnnotations(), BENCHMARK)) {
                return method;
            }
        }
        return null;
    }

    /**
     * Checks that each parameter of a benchmark method is a Blackhole or a {@code @State} class with
     * a public no-argument constructor.
     *
     * @throws WorkloadDefinitionException naming the parameter that cannot be supplied
     */
    static void check(String target, Method method, String forms) throws WorkloadDefinitionException {
        for (Class<?> parameter : method.getParameterTypes()) {
            if (parameter.getName().equals(BLACKHOLE)) {
                continue;
            }
            if (!annotated(parameter.getAnnotations(), STATE)) {
                throw new WorkloadDefinitionException(target + " cannot be a workload method: its parameter "
                        + parameter.getName() + " is neither a Blackhole nor a @State class. " + forms + ".");
            }
            if (!UserTasks.concretePublic(parameter) || UserTasks.publicConstructor(parameter) == null) {
                throw new WorkloadDefinitionException(target + " cannot be a workload method: its @State parameter "
                        + parameter.getName() + " has no public no-argument constructor. " + forms + ".");
            }
        }
    }

    /**
     * A task of a checked benchmark {@code method} on {@code instance} ({@code null} for a static
     * method), set up now, torn down after the clock.
     */
    static Task task(Method method, Object instance) throws WorkloadDefinitionException {
        List<Call> tearDowns = new ArrayList<>();
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i].getName().equals(BLACKHOLE) ? blackhole(types[i])
                    : prepared(UserTasks.construct(types[i]), tearDowns);
        }
        if (instance != null) {
            prepared(instance, tearDowns);
        }
        return new UserTasks.MethodTask(method, instance, arguments, List.copyOf(tearDowns));
    }

    /** A state object with its {@code @Param} fields set and its {@code @Setup} methods run. */
    private static Object prepared(Object state, List<Call> tearDowns) throws WorkloadDefinitionException {
        Class<?> type = state.getClass();
        for (Field field : type.getFields()) {
            Annotation param = annotation(field.getAnnotations(), PARAM);
            if (param != null && !Modifier.isStatic(field.getModifiers())) {
                setParam(state, field, param);
            }
        }
        for (Method method : type.getMethods()) {
            boolean setup = annotated(method.getAnnotations(), SETUP);
            if ((setup || annotated(method.getAnnotations(), TEAR_DOWN)) && method.getParameterCount() != 0) {
                throw new WorkloadDefinitionException("the JMH fixture method " + type.getName() + "."
                        + method.getName() + " takes parameters, which only JMH's own harness can supply");
            }
            if (setup) {
                try {
                    new Call(method, state).invoke();
                } catch (Exception | Error e) {
                    throw new WorkloadDefinitionException("the @Setup method " + type.getName() + "." + method.getName()
                            + " threw " + e, e);
                }
            } else if (annotated(method.getAnnotations(), TEAR_DOWN)) {
                tearDowns.add(new Call(method, state));
            }
        }
        return state;
    }

    /** A {@code @Param} field gets the first value its annotation lists, as JMH's first run would. */
    private static void setParam(Object state, Field field, Annotation param) throws WorkloadDefinitionException {
        String[] values;
        try {
            values = (String[]) param.annotationType().getMethod("value").invoke(param);
        } catch (ReflectiveOperationException e) {
            throw new WorkloadDefinitionException("cannot read @Param of " + field, e);
        }
        if (values.length == 0) {
            return;
        }
        try {
            field.set(state, convert(values[0], field.getType()));
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new WorkloadDefinitionException("cannot set @Param field " + field.getDeclaringClass().getName() + "."
                    + field.getName() + " to '" + values[0] + "': " + e.getMessage(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(String value, Class<?> type) {
        if (type == String.class) {
            return value;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.valueOf(value.strip());
        }
        if (type == long.class || type == Long.class) {
            return Long.valueOf(value.strip());
        }
        if (type == double.class || type == Double.class) {
            return Double.valueOf(value.strip());
        }
        if (type == float.class || type == Float.class) {
            return Float.valueOf(value.strip());
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.valueOf(value.strip());
        }
        if (type == short.class || type == Short.class) {
            return Short.valueOf(value.strip());
        }
        if (type == byte.class || type == Byte.class) {
            return Byte.valueOf(value.strip());
        }
        if (type == char.class || type == Character.class) {
            return value.charAt(0);
        }
        if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, value.strip());
        }
        throw new IllegalArgumentException("a @Param of type " + type.getName() + " is not supported");
    }

    private static Object blackhole(Class<?> type) throws WorkloadDefinitionException {
        try {
            return type.getConstructor(String.class).newInstance(BLACKHOLE_CHALLENGE);
        } catch (ReflectiveOperationException e) {
            throw new WorkloadDefinitionException("cannot make a " + BLACKHOLE + " for a @Benchmark method: " + e, e);
        }
    }

    private static boolean annotated(Annotation[] annotations, String name) {
        return annotation(annotations, name) != null;
    }

    private static Annotation annotation(Annotation[] annotations, String name) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals(name)) {
                return annotation;
            }
        }
        return null;
    }
}
