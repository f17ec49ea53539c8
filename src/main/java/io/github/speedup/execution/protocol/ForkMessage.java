package io.github.speedup.execution.protocol;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.BreakdownLines;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.JvmInfo;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.WorkloadSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * One message between the host and a forked JVM, one record per kind, each with its encoding
 * ({@link ForkProtocol} decodes). Who sends what:
 *
 * <pre>
 * host -> measurement JVM   SetUpRecorder, DefineWorkload, RunIteration, Diagnose, Exit
 * measurement JVM -> host   Hello, RecorderSetUp, Defined, IterationSample, Diagnosed, Failed
 * host -> worker JVM        RunTask after the Frame of its input, per task, with a payload only
 * worker JVM -> host        Started, Done (after a Frame of its results), Failed
 *                           (its share arrives as arguments: {@code WorkerAssignment})
 * host -> pool worker       Prepare, RunTask (after the Frame of its input, with a payload), DiagnoseShare, Exit
 *                           (its workload arrives as arguments: {@code PoolWorker})
 * pool worker -> host       Started, Ready, TaskDone (after the Frame of its result), Diagnosed, Done, Failed
 * host -> cluster member   ClusterKeys first, then Exit (where the cluster is and the workload arrive as
 *                          arguments: {@code ClusterMember}; the cluster's name never does)
 * cluster member -> host   Started (it joined), Done, Failed
 * host -> cluster driver   ClusterKeys first, then Prepare, Go, Exit (the rest as arguments: {@code ClusterDriver})
 * cluster driver -> host   Connected (every member there, as they describe themselves), Ready,
 *                          ClusterSample, Done, Failed
 * either -> host            ExitCalled (user code called System.exit, or a signal came; the JVM is ending)
 * either way                Frame: raw bytes (a task's input or result) for the message that follows
 * </pre>
 *
 * The records' own {@code toString}, {@code equals} and {@code hashCode} are bootstrapped through
 * invokedynamic on first use; nothing on a worker's way to its first task calls them.
 */
public sealed interface ForkMessage {

    /** The protocol line of this message. */
    String encode();

    /** The measurement JVM is up; which JVM it is. */
    record Hello(JvmInfo jvm) implements ForkMessage {
        static final String TYPE = "HELLO";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, jvm.version(), jvm.vendor(), jvm.vmName(), jvm.javaHome(),
                    String.valueOf(jvm.featureVersion()));
        }

        static Hello decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new Hello(new JvmInfo(fields.text(), fields.text(), fields.text(), fields.text(), fields.integer()));
        }
    }

    /**
     * Load a workload's tasks once, so a bad class or method is reported before any timing; sent again
     * when its batch changes (the runner's calibration), which replaces the definition.
     */
    record DefineWorkload(WorkloadSpec spec) implements ForkMessage {
        static final String TYPE = "WORKLOAD";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, spec.name(), spec.source().type(), spec.source().target(),
                    String.valueOf(spec.tasks()), String.valueOf(spec.size()), String.valueOf(spec.payloadBytes()),
                    String.valueOf(spec.batch()));
        }

        static DefineWorkload decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            String name = fields.text();
            String type = fields.text();
            String target = fields.text();
            try {
                return new DefineWorkload(new WorkloadSpec(name, TaskSource.of(type, target), fields.integer(),
                        fields.integer(), fields.integer(), fields.integer()));
            } catch (IllegalArgumentException e) {
                throw new ForkProtocol.MalformedMessageException("WORKLOAD has an unknown task source " + type);
            }
        }
    }

    /** The workload's tasks could be made. */
    record Defined() implements ForkMessage {
        static final String TYPE = "DEFINED";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE);
        }
    }

    /** Run one iteration of a defined workload in an in-JVM mode. */
    record RunIteration(String workload, Mode mode, int workers) implements ForkMessage {
        static final String TYPE = "RUN";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, workload, mode.id(), String.valueOf(workers));
        }

        static RunIteration decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new RunIteration(fields.text(), fields.mode(), fields.integer());
        }
    }

    /** What one in-JVM iteration measured. */
    record IterationSample(Sample sample) implements ForkMessage {
        static final String TYPE = "SAMPLE";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(sample.wallNanos()), String.valueOf(sample.cpuNanos()),
                    String.valueOf(sample.peakMemoryBytes()), String.valueOf(sample.gcNanos()));
        }

        static IterationSample decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new IterationSample(new Sample(fields.number(), fields.number(), fields.number(), Sample.NO_STARTUP,
                    fields.number()));
        }
    }

    /**
     * Run one more iteration of a defined workload in an in-JVM mode, not measured, with the flight
     * recorder on: where the workers' time went.
     *
     * @param recording where the child keeps the recording as a {@code .jfr} file; empty for none
     */
    record Diagnose(String workload, Mode mode, int workers, String recording) implements ForkMessage {
        static final String TYPE = "DIAGNOSE";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, workload, mode.id(), String.valueOf(workers), recording);
        }

        static Diagnose decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new Diagnose(fields.text(), fields.mode(), fields.integer(), fields.text());
        }
    }

    /**
     * Set the flight recorder up now, ahead of the first diagnostic iteration, while nothing is measured:
     * its first recording in a JVM costs far more than later ones (BreakdownRecorder.setUp). Answered by
     * RecorderSetUp once done.
     */
    record SetUpRecorder() implements ForkMessage {
        static final String TYPE = "SET_UP_RECORDER";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE);
        }
    }

    /** The flight recorder is set up, or this JVM has none (its diagnostic iterations will say why); in ns. */
    record RecorderSetUp(long setUpNanos) implements ForkMessage {
        static final String TYPE = "RECORDER_SET_UP";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(setUpNanos));
        }

        static RecorderSetUp decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new RecorderSetUp(fields.number());
        }
    }

    /**
     * A pool worker's share of the pool's diagnostic iteration: it makes tasks {@code worker},
     * {@code worker + workers}, … below {@code tasks} (with their inputs, made where it is), runs them one
     * after the other with the flight recorder on around them alone, and answers DIAGNOSED.
     *
     * @param recording where it keeps the recording as a {@code .jfr} file; empty for none
     */
    record DiagnoseShare(int tasks, int worker, int workers, String recording) implements ForkMessage {
        static final String TYPE = "DIAGNOSE_SHARE";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(tasks), String.valueOf(worker), String.valueOf(workers),
                    recording);
        }

        static DiagnoseShare decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new DiagnoseShare(fields.integer(), fields.integer(), fields.integer(), fields.text());
        }
    }

    /** Where the workers' time went in a diagnostic iteration, or why this JVM cannot say: one field of its lines. */
    record Diagnosed(Breakdown breakdown) implements ForkMessage {
        static final String TYPE = "DIAGNOSED";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, BreakdownLines.write(breakdown));
        }

        static Diagnosed decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            String lines = fields.text();
            try {
                return new Diagnosed(BreakdownLines.read(lines));
            } catch (IllegalArgumentException e) {
                throw new ForkProtocol.MalformedMessageException(TYPE + " holds no breakdown: " + e.getMessage());
            }
        }
    }

    /**
     * A workload could not be defined or a task failed; the description names the user's frames.
     *
     * @param linkageError the class name of the {@link LinkageError} behind it, empty when none is
     */
    record Failed(String description, String linkageError) implements ForkMessage {
        static final String TYPE = "FAILED";

        /** A failure of the protocol or the harness, not of user code. */
        public Failed(String description) {
            this(description, "");
        }

        /** What the child tells of {@code failure}. */
        public static Failed of(Throwable failure) {
            return new Failed(Failures.describe(failure), Failures.linkageError(failure));
        }

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, description, linkageError);
        }
    }

    /** The host is done with the measurement JVM. */
    record Exit() implements ForkMessage {
        static final String TYPE = "EXIT";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE);
        }
    }

    /**
     * Sent from a shutdown hook when code other than the fork's own main ends the JVM: where
     * {@code System.exit} was called, or empty when no thread called it (a signal ended the JVM).
     */
    record ExitCalled(String caller) implements ForkMessage {
        static final String TYPE = "EXIT_CALLED";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, caller);
        }
    }

    /** A pool worker loaded its workload and takes commands: the end of its start-up. */
    record Started() implements ForkMessage {
        static final String TYPE = "STARTED";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE);
        }
    }

    /**
     * What lets a JVM into the build's Hazelcast cluster, sent to each member and to the driver before
     * anything else. Hazelcast's open-source edition checks nothing but the cluster's name, so the name
     * is a credential: it travels on the channel, which only this build's JVMs hold, never as an
     * argument (every local user can read a process's command line in {@code /proc/<pid>/cmdline} or
     * {@code ps}) nor in a file, and its {@code toString} leaves it out, so no message repeats it.
     *
     * @param clusterName the cluster's name: 128 random bits for an embedded cluster, the user's
     *                    {@code clusterName} for an existing one
     * @param driverLabel the label the driver's client presents, by which the members tell it from any
     *                    other client (another 128 random bits); empty for an existing cluster
     */
    record ClusterKeys(String clusterName, String driverLabel) implements ForkMessage {
        static final String TYPE = "CLUSTER_KEYS";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, clusterName, driverLabel);
        }

        @Override
        public String toString() {
            return "ClusterKeys[not shown]";
        }
    }

    /**
     * The cluster driver is connected and sees every member it needs: the end of the cluster's start-up.
     * It carries the cluster's members as they described themselves (cores space-separated).
     */
    record Connected(ClusterMembers members) implements ForkMessage {
        static final String TYPE = "CONNECTED";

        @Override
        public String encode() {
            StringBuilder cores = new StringBuilder();
            for (int core : members.cores()) {
                cores.append(cores.length() == 0 ? "" : " ").append(core);
            }
            return ForkProtocol.encode(TYPE, cores.toString(), members.hazelcastVersion(), members.javaVersion());
        }

        static Connected decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            String cores = fields.text();
            List<Integer> each = new ArrayList<>();
            for (String core : cores.isEmpty() ? new String[0] : cores.split(" ")) {
                try {
                    each.add(Integer.parseInt(core));
                } catch (NumberFormatException e) {
                    throw new ForkProtocol.MalformedMessageException(TYPE + " has '" + core
                            + "' where a member's core count belongs");
                }
            }
            return new Connected(new ClusterMembers(each, fields.text(), fields.text()));
        }
    }

    /**
     * A worker made the tasks of an iteration, before any clock: a processes worker its share, a
     * pool worker every task it may be dealt; {@code setupNanos} is how long making them took
     * (constructors, a benchmark's set-up), which the host keeps out of the times it measures.
     */
    record Ready(long setupNanos) implements ForkMessage {
        static final String TYPE = "READY";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(setupNanos));
        }

        static Ready decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new Ready(fields.number());
        }
    }

    /** Every worker of a processes iteration is ready: run the tasks now. */
    record Go() implements ForkMessage {
        static final String TYPE = "GO";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE);
        }
    }

    /**
     * A pool worker makes every task of the next iteration, {@code tasks} of them since any may be
     * dealt to it, and says READY; sent before the iteration's clock starts.
     */
    record Prepare(int tasks) implements ForkMessage {
        static final String TYPE = "PREPARE";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(tasks));
        }

        static Prepare decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new Prepare(fields.integer());
        }
    }

    /**
     * A worker ran its tasks: its whole process's CPU time and peak resident memory, and the
     * class of a result it could not serialise to send back, or empty.
     */
    record Done(long cpuNanos, long peakResidentBytes, String unsentType) implements ForkMessage {
        static final String TYPE = "DONE";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(cpuNanos), String.valueOf(peakResidentBytes), unsentType);
        }

        static Done decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new Done(fields.number(), fields.number(), fields.text());
        }
    }

    /** A pool worker runs one task of its workload. */
    record RunTask(int index) implements ForkMessage {
        static final String TYPE = "TASK";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(index));
        }

        static RunTask decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new RunTask(fields.integer());
        }
    }

    /**
     * A pool worker ran a task: how long the task itself took, in the worker, so the rest is the
     * pool's overhead; how long making it took where it could only be made once its input had
     * arrived (a workload with a payload; else 0: it was made at PREPARE), which the host keeps
     * out of the iteration's time; the CPU time of the worker's thread over both, and the time its
     * collectors reported meanwhile (-1 each where the JVM cannot tell), for the watch on the host's
     * speed; its result follows in a frame, unless it could not be serialised, when {@code
     * unsentType} names its class (else it is empty).
     */
    record TaskDone(int index, long computeNanos, long setupNanos, long cpuNanos, long gcNanos, String unsentType)
            implements ForkMessage {
        static final String TYPE = "TASK_DONE";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(index), String.valueOf(computeNanos),
                    String.valueOf(setupNanos), String.valueOf(cpuNanos), String.valueOf(gcNanos), unsentType);
        }

        static TaskDone decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new TaskDone(fields.integer(), fields.number(), fields.number(), fields.number(), fields.number(),
                    fields.text());
        }
    }

    /**
     * The next {@code length} bytes on the stream are raw data, not a line: the input or result
     * of the message that follows. Text fields cannot carry binary data; a frame can, every
     * byte value included, without encoding it.
     */
    record Frame(int length) implements ForkMessage {
        static final String TYPE = "FRAME";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(length));
        }

        static Frame decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            int length = fields.integer();
            if (length < 0) {
                throw new ForkProtocol.MalformedMessageException("FRAME has a negative length " + length);
            }
            return new Frame(length);
        }
    }

    /**
     * What one cluster iteration took, as its driver measured it: from the first submission to the
     * last answer, less the making of tasks on the member that answered last; the part of it that
     * was not the tasks' own compute on the critical path (serialisation, network, the executor's
     * queueing); the bytes of the tasks' inputs sent and of their results received; and the
     * classes of results that could not be serialised (space-separated, or empty).
     */
    record ClusterSample(long wallNanos, long overheadNanos, long inputBytes, long resultBytes, String unsentTypes)
            implements ForkMessage {
        static final String TYPE = "CLUSTER_SAMPLE";

        @Override
        public String encode() {
            return ForkProtocol.encode(TYPE, String.valueOf(wallNanos), String.valueOf(overheadNanos),
                    String.valueOf(inputBytes), String.valueOf(resultBytes), unsentTypes);
        }

        static ClusterSample decode(ForkProtocol.Fields fields) throws ForkProtocol.MalformedMessageException {
            return new ClusterSample(fields.number(), fields.number(), fields.number(), fields.number(), fields.text());
        }
    }
}
