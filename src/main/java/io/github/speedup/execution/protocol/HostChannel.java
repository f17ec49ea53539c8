package io.github.speedup.execution.protocol;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The host's end of one child's protocol channel: commands out, messages in, on a channel of its
 * own that user code in the child cannot write to or read from by accident (its standard streams
 * are left to it: an empty input, and output forwarded to the log).
 */
public sealed interface HostChannel extends AutoCloseable permits DescriptorChannel, LoopbackChannel {

    /**
     * The channel for a child of this host: descriptors where a POSIX shell can hand them over,
     * a loopback connection elsewhere.
     *
     * @throws IOException when no loopback port can be opened
     */
    static HostChannel open() throws IOException {
        return DescriptorChannel.available() ? new DescriptorChannel() : LoopbackChannel.open();
    }

    /** The command that starts the child with this channel: the JVM's command, wrapped or extended. */
    List<String> command(List<String> javaCommand);

    /** Whether the process's standard input and output are the channel, so not the child's own. */
    boolean carriedByStandardStreams();

    /**
     * Waits until the channel is there; a connection that is not the child's is reported to
     * {@code refused} and the wait goes on.
     *
     * @return the messages the child sends; {@code null} if the child ended, or the channel was
     * closed, before the channel was there
     */
    BoundedLineReader accept(Process child, Consumer<String> refused);

    /** Where commands to the child go, once {@link #accept} returned. */
    OutputStream output(Process child) throws IOException;

    /** Closes the channel, connected or not; a child reading from it sees the host gone. */
    @Override
    void close();
}
