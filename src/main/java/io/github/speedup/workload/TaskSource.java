package io.github.speedup.workload;

import java.util.Optional;

/**
 * Where the tasks of a workload come from: a built-in kind, or the project's own code. A source
 * crosses the process boundary as two strings, {@link #type()} and {@link #target()}.
 */
public sealed interface TaskSource {

    /** How the source travels and how the report names it: a kind id, {@code class} or {@code method}. */
    String type();

    /** What to load: the kind id, a class name, or {@code com.acme.Bench#run}. */
    String target();

    /** The built-in kind, if this is one. */
    default Kind builtIn() {
        return this instanceof BuiltIn b ? b.kind() : null;
    }

    static TaskSource of(String type, String target) {
        return switch (type) {
            case UserClass.TYPE -> new UserClass(target);
            case UserMethod.TYPE -> UserMethod.parse(target);
            default -> {
                Optional<Kind> kind = Kind.fromId(type);
                if (kind.isEmpty()) {
                    throw new IllegalArgumentException("unknown task source " + type);
                }
                yield new BuiltIn(kind.get());
            }
        };
    }

    /** One of the built-in kinds. */
    record BuiltIn(Kind kind) implements TaskSource {
        @Override
        public String type() {
            return kind.id();
        }

        @Override
        public String target() {
            return kind.id();
        }
    }

    /** A {@link Runnable} or {@link java.util.concurrent.Callable} class of the project. */
    record UserClass(String className) implements TaskSource {
        public static final String TYPE = "class";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String target() {
            return className;
        }
    }

    /** A public static method of the project, written {@code com.acme.Bench#run}. */
    record UserMethod(String className, String methodName) implements TaskSource {
        public static final String TYPE = "method";

        /** @throws IllegalArgumentException unless the text is {@code Class#method} */
        public static UserMethod parse(String text) {
            int hash = text.indexOf('#');
            if (hash <= 0 || hash == text.length() - 1 || text.indexOf('#', hash + 1) >= 0) {
                throw new IllegalArgumentException(text);
            }
            return new UserMethod(text.substring(0, hash), text.substring(hash + 1));
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public String target() {
            return className + "#" + methodName;
        }
    }
}
