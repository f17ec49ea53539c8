package io.github.speedup.workload;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Tasks from the project's own code, loaded from the class path of the JVM that runs them (the
 * project's test class path). Instances are made, and a JMH benchmark's {@code @Setup} methods
 * run, before an iteration starts, so set-up is never timed; every result is folded into the
 * task's return value, so the JIT cannot drop it.
 */
final class UserTasks {

    private static final int CLASS_PATH_ENTRIES_SHOWN = 6;

    /** What a {@code <method>} may be; every rejection of a method lists them. */
    static final String METHOD_FORMS = "Accepted forms: a public method, static or on a public class with a public "
            + "no-argument constructor (one instance per task, made before the clock), taking () or (int) (the task "
            + "index), or (int, byte[]) (the task index and its payload) when the workload sets payloadBytes; or a JMH "
            + "@Benchmark method taking only Blackhole and @State parameters, its @Setup and @TearDown methods run "
            + "outside the clock";

    private UserTasks() {
    }

    /** @param input the task's payload, given to a constructor (int, byte[]); {@code null} for none */
    static Task instance(TaskSource.UserClass source, int index, byte[] input) throws WorkloadDefinitionException {
        Class<?> type = taskClass(source, Thread.currentThread().getContextClassLoader());
        initialise(type);
        Object instance = input == null ? construct(type, index) : constructWithInput(type, index, input);
        if (instance instanceof Callable<?> callable) {
            return new CallableTask(callable);
        }
        Runnable run = (Runnable) instance;
        return () -> {
            run.run();
            return index;
        };
    }

    /** @param input the task's payload, given to a method (int, byte[]); {@code null} for none */
    static Task call(TaskSource.UserMethod source, int index, byte[] input) throws WorkloadDefinitionException {
        MethodForm form = methodForm(source, Thread.currentThread().getContextClassLoader(), input != null);
        initialise(form.method().getDeclaringClass());
        return form.task(index, input);
    }

    /**
     * Whether a user source can be a workload, resolved in {@code loader} without running any of its
     * code (no static initialiser, no constructor): the host's check before it takes the lock.
     *
     * @return a JMH benchmark's first fixture that runs around every call, which keeps its tasks from
     *         being batched; {@code null} for none
     * @throws WorkloadDefinitionException naming what is wrong, with the accepted forms
     */
    static JmhSupport.Fixture check(TaskSource source, ClassLoader loader, boolean withInput)
            throws WorkloadDefinitionException {
        if (source instanceof TaskSource.UserClass userClass) {
            taskClass(userClass, loader);
        } else if (source instanceof TaskSource.UserMethod method) {
            return methodForm(method, loader, withInput).perCallFixture();
        }
        return null;
    }

    private static Class<?> taskClass(TaskSource.UserClass source, ClassLoader loader)
            throws WorkloadDefinitionException {
        Class<?> type = load(source.className(), loader);
        boolean runnable = Runnable.class.isAssignableFrom(type);
        boolean callable = Callable.class.isAssignableFrom(type);
        if (!runnable && !callable) {
            throw new WorkloadDefinitionException(type.getName() + " is neither a java.lang.Runnable nor a "
                    + "java.util.concurrent.Callable, so it cannot be a workload class");
        }
        if (!concretePublic(type)) {
            throw new WorkloadDefinitionException(type.getName() + " must be a public, concrete class");
        }
        return type;
    }

    /**
     * How a {@code <method>} is called: which method, on what, with which arguments; for a JMH
     * benchmark, its first fixture that runs around every call, or {@code null}.
     */
    private record MethodForm(Method method, boolean onInstance, Arguments arguments,
                              JmhSupport.Fixture perCallFixture) {

        MethodForm(Method method, boolean onInstance, Arguments arguments) {
            this(method, onInstance, arguments, null);
        }

        Task task(int index, byte[] input) throws WorkloadDefinitionException {
            Object target = onInstance ? construct(method.getDeclaringClass()) : null;
            return switch (arguments) {
                case NONE -> new MethodTask(method, target, new Object[0]);
                case INDEX -> new MethodTask(method, target, new Object[] {index});
                case INDEX_AND_PAYLOAD -> new MethodTask(method, target, new Object[] {index, input});
                case JMH -> JmhSupport.task(method, target);
            };
        }
    }

    /** The parameter lists a workload method may have: plain ones, or what JMH would hand a benchmark. */
    private enum Arguments { NONE, INDEX, INDEX_AND_PAYLOAD, JMH }

    private static MethodForm methodForm(TaskSource.UserMethod source, ClassLoader loader, boolean withInput)
            throws WorkloadDefinitionException {
        Class<?> type = load(source.className(), loader);
        Method[] methods;
        try {
            methods = type.getMethods();
        } catch (LinkageError e) {
            throw new WorkloadDefinitionException("the methods of " + type.getName() + " cannot be linked: " + e, e);
        }
        Method benchmark = JmhSupport.benchmarkMethod(methods, source.methodName());
        if (benchmark != null) {
            if (withInput) {
                throw rejected(source, "is a JMH @Benchmark method, which takes no payload (payloadBytes)");
            }
            JmhSupport.Fixture perCall = JmhSupport.check(source.target(), benchmark, METHOD_FORMS);
            return new MethodForm(benchmark, needsInstance(source, benchmark), Arguments.JMH, perCall);
        }
        Method method = withInput ? findMethod(type, source.methodName(), int.class, byte[].class) : null;
        Arguments arguments = Arguments.INDEX_AND_PAYLOAD;
        if (method == null && !withInput) {
            method = findMethod(type, source.methodName(), int.class);
            arguments = Arguments.INDEX;
            if (method == null) {
                method = findMethod(type, source.methodName());
                arguments = Arguments.NONE;
            }
        }
        if (method == null) {
            String found = Arrays.stream(methods).filter(m -> m.getName().equals(source.methodName()))
                    .map(UserTasks::parameterList).distinct().collect(Collectors.joining(", "));
            throw rejected(source, found.isEmpty() ? "is not a public method of " + type.getName()
                    : "takes " + found + (withInput ? ", not (int, byte[]) for its payload (payloadBytes)" : ""));
        }
        return new MethodForm(method, needsInstance(source, method), arguments);
    }

    /** Whether the method needs an instance to be called on, which its class must be able to make. */
    private static boolean needsInstance(TaskSource.UserMethod source, Method method)
            throws WorkloadDefinitionException {
        if (Modifier.isStatic(method.getModifiers())) {
            return false;
        }
        Class<?> type = method.getDeclaringClass();
        if (!concretePublic(type) || publicConstructor(type) == null) {
            throw rejected(source, "is not static, and " + type.getName()
                    + " is not a public concrete class with a public no-argument constructor to make an instance of");
        }
        return true;
    }

    static WorkloadDefinitionException rejected(TaskSource.UserMethod source, String why) {
        return new WorkloadDefinitionException(source.target() + " cannot be a workload method: it " + why + ". "
                + METHOD_FORMS + ".");
    }

    static String parameterList(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A Callable's task: its return value is kept as the task's result, for the pool and processes to send back. */
    private static final class CallableTask implements Task {
        private final Callable<?> call;
        private Object result;

        CallableTask(Callable<?> call) {
            this.call = call;
        }

        @Override
        public long run() throws Exception {
            result = call.call();
            return consume(result);
        }

        @Override
        public Object result() {
            return result;
        }
    }

    /**
     * A method's task: what it returns is its result. {@code tearDowns} are a JMH benchmark's
     * {@code @TearDown} calls, made after the clock; {@code perCallFixture} its first fixture that
     * runs around every call ({@code null} for none), which keeps the task from being batched.
     */
    static final class MethodTask implements Task {
        private final Method method;
        private final Object target;
        private final Object[] arguments;
        private final List<JmhSupport.Call> tearDowns;
        private final JmhSupport.Fixture perCallFixture;
        private Object result;

        MethodTask(Method method, Object target, Object[] arguments, List<JmhSupport.Call> tearDowns,
                   JmhSupport.Fixture perCallFixture) {
            this.method = method;
            this.target = target;
            this.arguments = arguments;
            this.tearDowns = tearDowns;
            this.perCallFixture = perCallFixture;
        }

        /** A plain method's task: no fixtures. */
        MethodTask(Method method, Object target, Object[] arguments) {
            this(method, target, arguments, List.of(), null);
        }

        /** {@code Class#method}, as the workload names it. */
        String target() {
            return method.getDeclaringClass().getName() + "#" + method.getName();
        }

        JmhSupport.Fixture perCallFixture() {
            return perCallFixture;
        }

        @Override
        public long run() throws Exception {
            try {
                result = method.invoke(target, arguments);
            } catch (InvocationTargetException e) {
                throw rethrow(e.getCause());
            }
            return consume(result);
        }

        @Override
        public Object result() {
            return result;
        }

        @Override
        public void tearDown() throws Exception {
            for (JmhSupport.Call call : tearDowns) {
                call.invoke();
            }
        }
    }

    private static Object constructWithInput(Class<?> type, int index, byte[] input)
            throws WorkloadDefinitionException {
        Constructor<?> withInput = publicConstructor(type, int.class, byte[].class);
        if (withInput == null) {
            throw new WorkloadDefinitionException(type.getName() + " has no public constructor (int, byte[]) to take "
                    + "the task index and its payload (payloadBytes)");
        }
        return newInstance(withInput, index, input);
    }

    private static Object construct(Class<?> type, int index) throws WorkloadDefinitionException {
        Constructor<?> withIndex = publicConstructor(type, int.class);
        if (withIndex != null) {
            return newInstance(withIndex, index);
        }
        Constructor<?> noArgs = publicConstructor(type);
        if (noArgs != null) {
            return newInstance(noArgs);
        }
        throw new WorkloadDefinitionException(type.getName() + " has no public constructor taking no arguments "
                + "or one int (the task index)");
    }

    /**
     * Runs the class's static initialiser before any iteration, as construction is: it is not timed,
     * and when it throws, the failure names it instead of surfacing as an
     * {@code ExceptionInInitializerError} from reflection's frames.
     */
    private static void initialise(Class<?> type) throws WorkloadDefinitionException {
        try {
            Class.forName(type.getName(), true, type.getClassLoader());
        } catch (ExceptionInInitializerError e) {
            throw new WorkloadDefinitionException("the static initialiser of " + type.getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new WorkloadDefinitionException("class " + type.getName() + " cannot be initialised: " + e, e);
        }
    }

    /** An instance from the public no-argument constructor, which the caller has checked exists. */
    static Object construct(Class<?> type) throws WorkloadDefinitionException {
        return newInstance(publicConstructor(type));
    }

    private static Object newInstance(Constructor<?> constructor, Object... arguments)
            throws WorkloadDefinitionException {
        Class<?> type = constructor.getDeclaringClass();
        try {
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new WorkloadDefinitionException("the constructor of " + type.getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new WorkloadDefinitionException("cannot construct " + type.getName() + ": " + e, e);
        }
    }

    private static Class<?> load(String className, ClassLoader loader) throws WorkloadDefinitionException {
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new WorkloadDefinitionException("class " + className + " was not found on the workload class path "
                    + describeClassPath(loader), e);
        } catch (UnsupportedClassVersionError e) {
            // Compiled for a newer Java than this JVM's: only the workload JVM (a toolchain's) can judge it.
            throw e;
        } catch (LinkageError e) {
            throw new WorkloadDefinitionException("class " + className + " cannot be loaded: " + e, e);
        }
    }

    /**
     * The class path searched, shortened: the project's own folders come first. A child JVM searches
     * its own class path; the host's check, the class loader it made of the project's.
     */
    static String describeClassPath(ClassLoader loader) {
        List<String> entries = loader instanceof URLClassLoader urls
                ? Arrays.stream(urls.getURLs()).map(UserTasks::path).toList()
                : Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .toList();
        String shown = entries.stream().limit(CLASS_PATH_ENTRIES_SHOWN).collect(Collectors.joining(", "));
        int more = entries.size() - CLASS_PATH_ENTRIES_SHOWN;
        return "(" + entries.size() + " entries: " + shown + (more > 0 ? ", and " + more + " more" : "") + ")";
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return url.toString();
        }
    }

    static boolean concretePublic(Class<?> type) {
        return !Modifier.isAbstract(type.getModifiers()) && !type.isInterface()
                && Modifier.isPublic(type.getModifiers());
    }

    static Constructor<?> publicConstructor(Class<?> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method findMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** A cheap value that depends on the result: its identity, so even a large result costs nothing to fold. */
    private static long consume(Object result) {
        return System.identityHashCode(result);
    }

    static Exception rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }
}
