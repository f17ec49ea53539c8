package io.github.speedup.execution.injvm;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.Mode;
import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.launch.ChildJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.measure.JvmInfo;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host's handle on the forked JVM that runs the sequential, threads and virtual modes,
 * so they run with the user's JVM flags on a heap Maven does not share. Each iteration is one
 * command; {@code timeout} bounds each of them.
 */
public final class MeasurementJvm implements AutoCloseable {

    private static final String LABEL = "measurement JVM";
    /** How long closing waits for the JVM to exit before it is killed. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final ChildJvm child;
    private final Duration timeout;
    private final JvmInfo info;
    /** Per workload name, the definition the JVM holds: a workload batched after its calibration is sent again. */
    private final Map<String, WorkloadSpec> defined = new HashMap<>();
    /** Whether the flight recorder's set-up was asked for and its answer is still to be read. */
    private boolean settingUp;

    private MeasurementJvm(ChildJvm child, Duration timeout) throws ForkException, TaskFailedException {
        this.child = child;
        this.timeout = timeout;
        this.info = child.expect(ForkMessage.Hello.class, timeout, "start-up").message().jvm();
    }

    public static MeasurementJvm start(JvmLauncher launcher, Duration timeout, ChildOutput output)
            throws ForkException, TaskFailedException {
        return start(launcher, timeout, output, false);
    }

    /**
     * @param setUpRecorder whether the JVM sets its flight recorder up as soon as it is up
     *                      ({@code BreakdownRecorder.setUp}), while the host does what measures nothing; the
     *                      answer is awaited by {@link #awaitRecorder}, or before the next command, so that
     *                      nothing runs in this JVM while the recorder sets up
     */
    public static MeasurementJvm start(JvmLauncher launcher, Duration timeout, ChildOutput output,
                                       boolean setUpRecorder) throws ForkException, TaskFailedException {
        // Its failures are the workload's, not this JVM's: they are reported without its label.
        ChildJvm child = ChildJvm.start(LABEL, "", launcher.processBuilder(ForkProtocol.ROLE_MEASURE), timeout,
                output);
        try {
            if (setUpRecorder) {
                // Sent before its HELLO is read: the JVM finds it as soon as it is up, a round trip sooner.
                child.send(new ForkMessage.SetUpRecorder());
            }
            MeasurementJvm jvm = new MeasurementJvm(child, timeout);
            jvm.settingUp = setUpRecorder;
            return jvm;
        } catch (ForkException | TaskFailedException | RuntimeException e) {
            child.close();
            throw e;
        }
    }

    /**
     * Waits for the flight recorder's set-up asked for at the start to end; returns at once where none is
     * under way.
     *
     * @return what it took in the JVM, in ns; 0 where none was under way
     */
    public long awaitRecorder() throws ForkException, TaskFailedException {
        if (!settingUp) {
            return 0;
        }
        settingUp = false;
        return child.expect(ForkMessage.RecorderSetUp.class, timeout, "setting up the flight recorder").message()
                .setUpNanos();
    }

    public JvmInfo info() {
        return info;
    }

    public Sample runIteration(WorkloadSpec spec, Mode mode, int workers) throws ForkException, TaskFailedException {
        if (!mode.inJvm()) {
            throw new IllegalArgumentException(mode + " does not run in the measurement JVM");
        }
        awaitRecorder();
        if (!spec.equals(defined.get(spec.name()))) {
            child.send(new ForkMessage.DefineWorkload(spec));
            child.expect(ForkMessage.Defined.class, timeout, "loading workload " + spec.name());
            // Only once it is defined: one that failed is sent again, and fails again in its iteration's terms.
            defined.put(spec.name(), spec);
        }
        child.send(new ForkMessage.RunIteration(spec.name(), mode, workers));
        return child.expect(ForkMessage.IterationSample.class, timeout, "an iteration of " + spec.name())
                .message().sample();
    }

    /**
     * One more iteration of a defined workload, not measured, with the flight recorder on: where the
     * workers' time went ({@link InJvmExecutor#diagnose}).
     *
     * @param recording where the JVM keeps the recording as a {@code .jfr} file, or {@code null} for none
     * @throws TaskFailedException a task threw in it
     * @throws ForkException       the JVM died, broke the protocol or did not answer within the timeout
     */
    public Breakdown diagnose(WorkloadSpec spec, Mode mode, int workers, Path recording)
            throws ForkException, TaskFailedException {
        if (!spec.equals(defined.get(spec.name()))) {
            throw new IllegalStateException("workload " + spec.name() + " is diagnosed before it is measured");
        }
        awaitRecorder();
        child.send(new ForkMessage.Diagnose(spec.name(), mode, workers,
                recording == null ? "" : recording.toAbsolutePath().toString()));
        return child.expect(ForkMessage.Diagnosed.class, timeout, "the diagnostic iteration of " + spec.name())
                .message().breakdown();
    }

    /**
     * The executor of one in-JVM measurement: its iterations are this JVM's, which it neither starts
     * nor ends (the JVM is warm for the whole run, and closed with it).
     *
     * @throws IllegalArgumentException the mode does not run in the measurement JVM
     */
    public ModeExecutor executor(WorkloadSpec spec, Mode mode, int workers) {
        if (!mode.inJvm()) {
            throw new IllegalArgumentException(mode + " does not run in the measurement JVM");
        }
        return new InMeasurementJvm(this, spec, mode, workers);
    }

    /** One in-JVM measurement's iterations, run in the measurement JVM. */
    private record InMeasurementJvm(MeasurementJvm jvm, WorkloadSpec spec, Mode mode, int workers)
            implements ModeExecutor {

        /**
         * One iteration in the measurement JVM. Nothing starts or ends for the measurement (the JVM is
         * warm for the run, its CPU the build's own, and closed with the run), and the results stay in
         * the JVM that made them.
         */
        @Override
        public Sample runIteration() throws ForkException, TaskFailedException {
            return jvm.runIteration(spec, mode, workers);
        }

        @Override
        public Optional<Breakdown> diagnose(Path recording) throws ForkException, TaskFailedException {
            return Optional.of(jvm.diagnose(spec, mode, workers, recording));
        }
    }

    /**
     * Asks the JVM to exit, which it does at once whatever threads user code left, ending every
     * process it started; kills it with its descendants if it has not exited within
     * {@link #CLOSE_WAIT} (the log says so after a second).
     */
    @Override
    public void close() {
        try {
            child.sendExit();
            child.awaitExit(CLOSE_WAIT);
        } catch (ForkException e) {
            // it is being killed by then; nothing is lost, every sample is already in
        } finally {
            child.close();
        }
    }
}
