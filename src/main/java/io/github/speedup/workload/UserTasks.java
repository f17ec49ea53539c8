package io.github.speedup.workload;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * Tasks from the project's own code, loaded from the class path of the JVM that runs them (the
 * project's test class path). Instances are made before an iteration starts, so construction is
 * never timed; every result is folded into the task's return value, so the JIT cannot drop it.
 */
final class UserTasks {

    private static final int CLASS_PATH_ENTRIES_SHOWN = 6;

    private UserTasks() {
    }

    /** @param input the task's payload, given to a constructor (int, byte[]); {@code null} for none */
    static Task instance(TaskSource.UserClass source, int index, byte[] input) throws WorkloadDefinitionException {
        Class<?> type = load(source.className());
        boolean runnable = Runnable.class.isAssignableFrom(type);
        boolean callable = Callable.class.isAssignableFrom(type);
        if (!runnable && !callable) {
            throw new WorkloadDefinitionException(type.getName() + " is neither a java.lang.Runnable nor a "
                    + "java.util.concurrent.Callable, so it cannot be a workload class");
        }
        if (Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw new WorkloadDefinitionException(type.getName() + " must be a public, concrete class");
        }
        initialise(type);
        Object instance = input == null ? construct(type, index) : constructWithInput(type, index, input);
        if (callable) {
            return new CallableTask((Callable<?>) instance);
        }
        Runnable run = (Runnable) instance;
        return () -> {
            run.run();
            return index;
        };
    }

    /** @param input the task's payload, given to a method (int, byte[]); {@code null} for none */
    static Task call(TaskSource.UserMethod source, int index, byte[] input) throws WorkloadDefinitionException {
        Class<?> type = load(source.className());
        if (input != null) {
            Method withInput = findMethod(type, source.methodName(), int.class, byte[].class);
            if (withInput == null || !Modifier.isStatic(withInput.getModifiers())) {
                throw new WorkloadDefinitionException(type.getName() + " has no public static method "
                        + source.methodName() + "(int, byte[]) to take the task index and its payload (payloadBytes)");
            }
            return new MethodTask(withInput, new Object[] {index, input});
        }
        Method method = findMethod(type, source.methodName(), int.class);
        boolean takesIndex = method != null;
        if (method == null) {
            method = findMethod(type, source.methodName());
        }
        if (method == null) {
            throw new WorkloadDefinitionException(type.getName() + " has no public method " + source.methodName()
                    + "() or " + source.methodName() + "(int)");
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new WorkloadDefinitionException(source.target() + " is not static: a workload method must be "
                    + "public static, with no parameters or one int (the task index)");
        }
        initialise(type);
        return new MethodTask(method, takesIndex ? new Object[] {index} : new Object[0]);
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

    /** A static method's task: what it returns is its result. */
    private static final class MethodTask implements Task {
        private final Method method;
        private final Object[] arguments;
        private Object result;

        MethodTask(Method method, Object[] arguments) {
            this.method = method;
            this.arguments = arguments;
        }

        @Override
        public long run() throws Exception {
            try {
                result = method.invoke(null, arguments);
            } catch (InvocationTargetException e) {
                throw rethrow(e.getCause());
            }
            return consume(result);
        }

        @Override
        public Object result() {
            return result;
        }
    }

    private static Object constructWithInput(Class<?> type, int index, byte[] input)
            throws WorkloadDefinitionException {
        Constructor<?> withInput = publicConstructor(type, int.class, byte[].class);
        if (withInput == null) {
            throw new WorkloadDefinitionException(type.getName() + " has no public constructor (int, byte[]) to take "
                    + "the task index and its payload (payloadBytes)");
        }
        try {
            return withInput.newInstance(index, input);
        } catch (InvocationTargetException e) {
            throw new WorkloadDefinitionException("the constructor of " + type.getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new WorkloadDefinitionException("cannot construct " + type.getName() + ": " + e, e);
        }
    }

    private static Object construct(Class<?> type, int index) throws WorkloadDefinitionException {
        try {
            Constructor<?> withIndex = publicConstructor(type, int.class);
            if (withIndex != null) {
                return withIndex.newInstance(index);
            }
            Constructor<?> noArgs = publicConstructor(type);
            if (noArgs != null) {
                return noArgs.newInstance();
            }
        } catch (InvocationTargetException e) {
            throw new WorkloadDefinitionException("the constructor of " + type.getName() + " threw "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new WorkloadDefinitionException("cannot construct " + type.getName() + ": " + e, e);
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

    private static Class<?> load(String className) throws WorkloadDefinitionException {
        try {
            return Class.forName(className, false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new WorkloadDefinitionException("class " + className + " was not found on the workload class path "
                    + describeClassPath(), e);
        } catch (LinkageError e) {
            throw new WorkloadDefinitionException("class " + className + " cannot be loaded: " + e, e);
        }
    }

    /** The class path this JVM searched, shortened: the project's own folders come first. */
    static String describeClassPath() {
        List<String> entries = Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .toList();
        String shown = entries.stream().limit(CLASS_PATH_ENTRIES_SHOWN).collect(Collectors.joining(", "));
        int more = entries.size() - CLASS_PATH_ENTRIES_SHOWN;
        return "(" + entries.size() + " entries: " + shown + (more > 0 ? ", and " + more + " more" : "") + ")";
    }

    private static Constructor<?> publicConstructor(Class<?> type, Class<?>... parameters) {
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

    private static Exception rethrow(Throwable cause) {
        if (cause instanceof Error error) {
            throw error;
        }
        return (Exception) cause;
    }
}
