package io.github.speedup.workload;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A project's own JMH benchmark method as a workload, without a dependency on JMH: its annotations
 * and its {@code Blackhole} are found by name on the project's class path, where they are when the
 * project compiles benchmarks. What JMH's generated code does is done by reflection, as JMH's own
 * code does it (jmh-core's {@code StateObjectHandler}): per task, before the clock, the benchmark's
 * instance and each {@code @State} parameter are made with their public no-argument constructors,
 * their {@code @Param} fields (of any access, inherited ones included) set to the first value their
 * annotation lists, converted as JMH converts it, and their {@code @Setup} methods called, level by
 * level (trial, then iteration, then invocation); after the clock, their {@code @TearDown} methods in
 * the reverse order. A task's state objects live for one iteration (every mode makes its tasks anew
 * for each iteration), so each iteration is, to them, a trial of one iteration; a task that runs
 * once per iteration is one invocation, and one whose fixtures run around every call cannot be
 * batched ({@link #perCallFixture}).
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

    /** JMH's fixture levels, in the order their set-ups run (tear-downs run in the reverse order). */
    enum Level {
        TRIAL("Trial"), ITERATION("Iteration"), INVOCATION("Invocation");

        private final String jmhName;

        Level(String jmhName) {
            this.jmhName = jmhName;
        }

        /** The level JMH names {@code jmhName}, or {@code null} for one this plugin does not know. */
        static Level of(String jmhName) {
            for (Level level : values()) {
                if (level.jmhName.equals(jmhName)) {
                    return level;
                }
            }
            return null;
        }
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

    /**
     * A {@code @Setup} or {@code @TearDown} method of a state class.
     *
     * @param setup whether it is a set-up (else a tear-down)
     */
    record Fixture(Method method, Level level, boolean setup) implements Comparable<Fixture> {

        /** By level, then by name within a level, as JMH orders a state's fixtures. */
        @Override
        public int compareTo(Fixture other) {
            int byLevel = level.compareTo(other.level);
            return byLevel != 0 ? byLevel : method.getName().compareTo(other.method.getName());
        }

        /** As JMH's annotation reads, e.g. {@code @Setup(Level.Invocation) com.acme.Bench.reset}. */
        String describe() {
            return "@" + (setup ? "Setup" : "TearDown") + "(Level." + level.jmhName + ") "
                    + method.getDeclaringClass().getName() + "." + method.getName();
        }
    }

    /** A {@code @Param} field and the text of the value it takes: the first its annotation lists. */
    record ParamField(Field field, String value) {
    }

    /** What is done to an object of a state class: its {@code @Param} fields set, its fixtures called. */
    record StateClass(Class<?> type, List<ParamField> params, List<Fixture> fixtures) {
        /** Whether nothing is done to it: a static benchmark's class then needs no instance. */
        boolean bare() {
            return params.isEmpty() && fixtures.isEmpty();
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
     * a public no-argument constructor, and that every state's {@code @Param} fields can take their
     * values and its fixtures can be called, without running any of the project's code.
     *
     * @return the first fixture that runs around every call of the method, or {@code null}
     * @throws WorkloadDefinitionException naming the parameter, field or method that cannot be supplied
     */
    static Fixture check(String target, Method method, String forms) throws WorkloadDefinitionException {
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
        List<StateClass> states = stateClasses(method);
        Class<?> holder = method.getDeclaringClass();
        if (Modifier.isStatic(method.getModifiers()) && !states.get(0).bare()
                && (!UserTasks.concretePublic(holder) || UserTasks.publicConstructor(holder) == null)) {
            throw new WorkloadDefinitionException(target + " cannot be a workload method: it is static, and JMH sets "
                    + "the @Param fields and calls the fixtures of " + holder.getName() + " on an instance, which "
                    + "needs a public concrete class with a public no-argument constructor. " + forms + ".");
        }
        return perCallFixture(states);
    }

    /**
     * The first fixture of {@code states} at {@link Level#INVOCATION}, or {@code null}. JMH runs such
     * a fixture around every call and keeps it out of the time; calls batched together into one
     * timed run cannot, so such a workload runs each task once per iteration.
     */
    static Fixture perCallFixture(List<StateClass> states) {
        for (StateClass state : states) {
            for (Fixture fixture : state.fixtures()) {
                if (fixture.level() == Level.INVOCATION) {
                    return fixture;
                }
            }
        }
        return null;
    }

    /** Why {@code target}, whose {@code fixture} runs around every call, cannot run {@code batch} calls per task. */
    static String unbatchable(String target, Fixture fixture, int batch) {
        return target + " cannot run " + batch + " times per task and iteration: its " + fixture.describe()
                + " runs at every call, outside the call's time, which " + batch + " calls timed together cannot "
                + "do: allowed, batchSize 1 or 0 (automatic, which runs such a workload once per task and iteration)";
    }

    /**
     * The state classes of a benchmark method in the order JMH sets them up: the benchmark's own class
     * (JMH makes one for a static method too), then its {@code @State} parameters from the last to the first.
     */
    static List<StateClass> stateClasses(Method method) throws WorkloadDefinitionException {
        List<StateClass> states = new ArrayList<>();
        states.add(stateClass(method.getDeclaringClass()));
        List<Class<?>> parameters = new ArrayList<>(Arrays.asList(method.getParameterTypes()));
        Collections.reverse(parameters);
        for (Class<?> parameter : parameters) {
            if (!parameter.getName().equals(BLACKHOLE)) {
                states.add(stateClass(parameter));
            }
        }
        return states;
    }

    /**
     * A state class's {@code @Param} fields and fixtures, its superclasses' included (JMH walks the
     * hierarchy up): fields of any access, fixtures sorted by name within a level, as JMH calls them.
     *
     * @throws WorkloadDefinitionException for a field that cannot take its value, naming field, value and
     *                                     what is allowed; for a fixture that takes parameters
     */
    static StateClass stateClass(Class<?> type) throws WorkloadDefinitionException {
        List<ParamField> params = new ArrayList<>();
        List<Fixture> fixtures = new ArrayList<>();
        Set<String> overridden = new HashSet<>();
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                Annotation param = annotation(field.getAnnotations(), PARAM);
                if (param != null) {
                    params.add(new ParamField(field, JmhParams.value(field, param)));
                }
            }
            for (Method method : level.getDeclaredMethods()) {
                Fixture fixture = fixture(method);
                // A set-up a subclass overrides is called once, on the subclass's method, as a virtual call is.
                if (fixture != null && !method.isBridge() && overridden.add(method.getName())) {
                    fixtures.add(fixture);
                }
            }
        }
        Collections.sort(fixtures);
        return new StateClass(type, List.copyOf(params), List.copyOf(fixtures));
    }

    private static Fixture fixture(Method method) throws WorkloadDefinitionException {
        Annotation setup = annotation(method.getAnnotations(), SETUP);
        Annotation tearDown = annotation(method.getAnnotations(), TEAR_DOWN);
        if (setup == null && tearDown == null) {
            return null;
        }
        String name = "the JMH fixture method " + method.getDeclaringClass().getName() + "." + method.getName();
        if (method.getParameterCount() != 0) {
            throw new WorkloadDefinitionException(name + " takes parameters " + UserTasks.parameterList(method)
                    + ", which only JMH's own harness can supply: allowed, a public method without parameters");
        }
        if (!Modifier.isPublic(method.getModifiers())) {
            throw new WorkloadDefinitionException(name + " is not public, which JMH refuses too: allowed, a public "
                    + "method without parameters");
        }
        Annotation annotation = setup != null ? setup : tearDown;
        Object level;
        try {
            level = annotation.annotationType().getMethod("value").invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new WorkloadDefinitionException("cannot read the level of " + annotation + " on " + method, e);
        }
        String levelName = ((Enum<?>) level).name();
        if (Level.of(levelName) == null) {
            // A level a later JMH may add: run nowhere rather than in a place JMH would not call it.
            throw new WorkloadDefinitionException(name + " is at Level." + levelName + ", which this plugin does not "
                    + "know: allowed, Level.Trial, Level.Iteration or Level.Invocation");
        }
        return new Fixture(method, Level.of(levelName), setup != null);
    }

    /**
     * A task of a checked benchmark {@code method} on {@code instance} ({@code null} for a static
     * method): its states made and set up now, level by level, torn down after the clock. A static
     * method's class is made too where it has {@code @Param} fields or fixtures, as JMH makes it.
     */
    static Task task(Method method, Object instance) throws WorkloadDefinitionException {
        List<StateClass> classes = new ArrayList<>(stateClasses(method));
        Object holder = instance == null && !classes.get(0).bare()
                ? UserTasks.construct(method.getDeclaringClass()) : instance;
        Object[] arguments = new Object[method.getParameterCount()];
        Class<?>[] types = method.getParameterTypes();
        List<Object> states = new ArrayList<>();
        if (holder != null) {
            states.add(holder);
        } else {
            classes.remove(0);
        }
        for (int i = types.length - 1; i >= 0; i--) {
            arguments[i] = types[i].getName().equals(BLACKHOLE) ? blackhole(types[i]) : UserTasks.construct(types[i]);
            if (!types[i].getName().equals(BLACKHOLE)) {
                states.add(arguments[i]);
            }
        }
        for (int i = 0; i < states.size(); i++) {
            JmhParams.set(states.get(i), classes.get(i).params());
        }
        for (Level level : Level.values()) {
            for (int i = 0; i < states.size(); i++) {
                setUp(states.get(i), classes.get(i), level);
            }
        }
        return new UserTasks.MethodTask(method, instance, arguments, tearDowns(states, classes),
                perCallFixture(classes));
    }

    private static void setUp(Object state, StateClass type, Level level) throws WorkloadDefinitionException {
        for (Fixture fixture : type.fixtures()) {
            if (fixture.setup() && fixture.level() == level) {
                try {
                    new Call(accessible(fixture.method()), state).invoke();
                } catch (Exception | Error e) {
                    throw new WorkloadDefinitionException("the " + fixture.describe() + " threw " + e, e);
                }
            }
        }
    }

    /** The tear-downs JMH would call: the deepest level first, the states in the reverse order of set-up. */
    private static List<Call> tearDowns(List<Object> states, List<StateClass> classes)
            throws WorkloadDefinitionException {
        List<Call> calls = new ArrayList<>();
        List<Level> levels = new ArrayList<>(List.of(Level.values()));
        Collections.reverse(levels);
        for (Level level : levels) {
            for (int i = states.size() - 1; i >= 0; i--) {
                for (Fixture fixture : classes.get(i).fixtures()) {
                    if (!fixture.setup() && fixture.level() == level) {
                        calls.add(new Call(accessible(fixture.method()), states.get(i)));
                    }
                }
            }
        }
        return List.copyOf(calls);
    }

    /** JMH calls fixtures from generated code in the same package; reflection needs to be let in. */
    private static Method accessible(Method method) throws WorkloadDefinitionException {
        try {
            method.setAccessible(true);
            return method;
        } catch (RuntimeException e) {
            throw new WorkloadDefinitionException("the JMH fixture method " + method.getDeclaringClass().getName()
                    + "." + method.getName() + " cannot be called: " + e.getMessage(), e);
        }
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
