package io.github.speedup.execution.protocol;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A child's protocol channel on a POSIX host: file descriptors 3 (commands) and 4 (messages). Java
 * starts a process with three pipes only, so the child is started through {@code /bin/sh}, which
 * moves the pipe of standard input to descriptor 3 and that of standard output to 4, gives the
 * child an empty standard input ({@code /dev/null}) and points its standard output at its standard
 * error, then {@code exec}s the JVM in its own place (same process, Maven its parent). User code
 * then reads an empty input and writes to descriptors 1 and 2, both forwarded to the log; native
 * code and {@code inheritIO()} subprocesses included, since Java closes every descriptor past 2
 * in the processes it starts. Opening the two descriptors costs the child nothing measurable,
 * where a loopback connection costs it 15–35 ms of networking start-up in every fresh JVM.
 */
public final class DescriptorChannel implements HostChannel {

    private static final Path SHELL = Path.of("/bin/sh");
    /** Moves the pipes to 3 and 4, then runs the JVM in the shell's place: {@code $@} is its command. */
    private static final String HAND_OVER = "exec \"$@\" 3<&0 4>&1 </dev/null >&2";

    private volatile Process child;

    /** Whether this host can hand descriptors over: a POSIX shell and a {@code /dev/fd} to open them from. */
    public static boolean available() {
        return Files.isExecutable(SHELL) && Files.isDirectory(Path.of(ChildChannel.DESCRIPTORS_DIRECTORY));
    }

    @Override
    public List<String> command(List<String> javaCommand) {
        List<String> command = new ArrayList<>(javaCommand.size() + 6);
        command.add(SHELL.toString());
        command.add("-c");
        command.add(HAND_OVER);
        command.add("sh");
        command.addAll(javaCommand);
        command.add(ChildChannel.DESCRIPTORS);
        command.add("-");
        return command;
    }

    @Override
    public boolean carriedByStandardStreams() {
        return true;
    }

    @Override
    public BoundedLineReader accept(Process started, Consumer<String> refused) {
        child = started;
        return new BoundedLineReader(started.getInputStream(), ForkProtocol.LINE_LIMIT);
    }

    @Override
    public OutputStream output(Process started) {
        return started.getOutputStream();
    }

    @Override
    public void close() {
        Process started = child;
        if (started == null) {
            return;
        }
        closeQuietly(started.getOutputStream());
        closeQuietly(started.getInputStream());
    }

    private static void closeQuietly(AutoCloseable stream) {
        try {
            stream.close();
        } catch (Exception e) {
            // closing is all that was wanted
        }
    }
}
