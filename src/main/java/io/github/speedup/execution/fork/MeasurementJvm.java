package io.github.speedup.execution.fork;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The host's handle on the forked JVM that runs the sequential, threads and virtual modes,
 * so they run with the user's JVM flags on a heap Maven does not share. Each iteration is one
 * command; {@code timeout} bounds each of them.
 */
public final class MeasurementJvm implements AutoCloseable {

    private static final String LABEL = "measurement JVM";

    private final ChildJvm child;
    private final Duration timeout;
    private final JvmInfo info;
    private final Set<String> defined = new HashSet<>();

    private MeasurementJvm(ChildJvm child, Duration timeout) throws ForkException {
        this.child = child;
        this.timeout = timeout;
        ChildJvm.Message hello = child.next(timeout, "start-up");
        expect(hello, ForkProtocol.HELLO);
        this.info = new JvmInfo(hello.field(1), hello.field(2), hello.field(3), hello.field(4),
                Integer.parseInt(hello.field(5)));
    }

    public static MeasurementJvm start(JvmLauncher launcher, Duration timeout, ChildOutput output) throws ForkException {
        ChildJvm child = ChildJvm.start(LABEL, launcher.processBuilder(ForkProtocol.ROLE_MEASURE), output);
        try {
            return new MeasurementJvm(child, timeout);
        } catch (ForkException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    public JvmInfo info() {
        return info;
    }

    public Sample runIteration(WorkloadSpec spec, Mode mode, int workers) throws ForkException, TaskFailedException {
        if (!mode.inJvm()) {
            throw new IllegalArgumentException(mode + " does not run in the measurement JVM");
        }
        if (defined.add(spec.name())) {
            child.send(ForkProtocol.line(ForkProtocol.WORKLOAD, spec.name(), spec.source().type(),
                    spec.source().target(), spec.tasks(), spec.size()));
            ChildJvm.Message reply = child.next(timeout, "loading workload " + spec.name());
            if (reply.type().equals(ForkProtocol.FAILED)) {
                throw new TaskFailedException(reply.field(1).strip(), null);
            }
            expect(reply, ForkProtocol.DEFINED);
        }
        child.send(ForkProtocol.line(ForkProtocol.RUN, spec.name(), mode.id(), workers));
        ChildJvm.Message reply = child.next(timeout, "an iteration of " + spec.name());
        if (reply.type().equals(ForkProtocol.FAILED)) {
            throw new TaskFailedException(reply.field(1).strip(), null);
        }
        expect(reply, ForkProtocol.SAMPLE);
        return new Sample(Long.parseLong(reply.field(1)), Long.parseLong(reply.field(2)),
                Long.parseLong(reply.field(3)), Sample.NO_STARTUP, Long.parseLong(reply.field(4)));
    }

    private void expect(ChildJvm.Message message, String type) throws ForkException {
        if (!message.type().equals(type)) {
            child.close();
            throw new ForkException(LABEL + " answered " + message.fields() + " where " + type + " was expected");
        }
    }

    /** Asks the JVM to exit, and kills it with its descendants if it does not. */
    @Override
    public void close() {
        try {
            child.send(ForkProtocol.line(ForkProtocol.EXIT));
            child.awaitExit(Duration.ofSeconds(10));
        } catch (ForkException e) {
            // it is being killed by then; nothing is lost, every sample is already in
        } finally {
            child.close();
        }
    }
}
