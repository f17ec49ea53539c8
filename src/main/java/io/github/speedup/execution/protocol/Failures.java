package io.github.speedup.execution.protocol;

import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.workload.WorkloadDefinitionException;

import java.util.Arrays;
import java.util.List;

/**
 * What a child tells the host about a failure: the exception and the first stack frames from the
 * user's code, not the plugin's or the JDK's, which say nothing about what went wrong.
 */
public final class Failures {

    public static final int FRAMES = 6;
    private static final List<String> FRAMEWORK_PREFIXES =
            List.of("io.github.speedup.", "java.", "javax.", "jdk.", "sun.", "com.sun.");

    private Failures() {
    }

    public static String describe(Throwable failure) {
        if (failure instanceof WorkloadDefinitionException && failure.getCause() == null) {
            return failure.getMessage();
        }
        if (failure instanceof WorkloadDefinitionException && failure.getCause() instanceof ClassNotFoundException) {
            return failure.getMessage();
        }
        StringBuilder out = new StringBuilder();
        Throwable shown = failure;
        if (failure instanceof TaskFailedException || failure instanceof WorkloadDefinitionException) {
            out.append(failure.getMessage());
            shown = failure.getCause();
        } else {
            out.append(failure);
        }
        appendFrames(out, shown);
        Throwable cause = shown == null ? null : shown.getCause();
        for (int depth = 0; cause != null && cause != shown && depth < 3; depth++) {
            out.append("\nCaused by: ").append(cause);
            appendFrames(out, cause);
            shown = cause;
            cause = cause.getCause();
        }
        return out.toString();
    }

    /**
     * The class name of the first {@link LinkageError} in the failure's chain of causes, or empty:
     * the code did not link against the classes on the class path. A loop, not a stream: a worker
     * may report it on its way to its first task.
     */
    static String linkageError(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++) {
            if (cause instanceof LinkageError) {
                return cause.getClass().getName();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return "";
    }

    private static void appendFrames(StringBuilder out, Throwable throwable) {
        if (throwable == null) {
            return;
        }
        StackTraceElement[] trace = throwable.getStackTrace();
        List<StackTraceElement> user = Arrays.stream(trace).filter(Failures::isUserFrame).limit(FRAMES).toList();
        List<StackTraceElement> frames = user.isEmpty() ? Arrays.stream(trace).limit(3).toList() : user;
        frames.forEach(frame -> out.append("\n    at ").append(frame(frame)));
    }

    /** A frame as people read it: {@code com.acme.Task.run(Task.java:12)}, without class-loader and module names. */
    public static String frame(StackTraceElement frame) {
        String location = frame.isNativeMethod() ? "Native Method"
                : frame.getFileName() == null ? "Unknown Source"
                : frame.getLineNumber() >= 0 ? frame.getFileName() + ":" + frame.getLineNumber() : frame.getFileName();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + location + ")";
    }

    private static boolean isUserFrame(StackTraceElement frame) {
        return FRAMEWORK_PREFIXES.stream().noneMatch(frame.getClassName()::startsWith);
    }
}
