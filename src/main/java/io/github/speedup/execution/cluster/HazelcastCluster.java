package io.github.speedup.execution.cluster;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.ModeExecutor;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.launch.ChildJvm;
import io.github.speedup.execution.launch.ChildOutput;
import io.github.speedup.execution.launch.ClusterConnection;
import io.github.speedup.execution.launch.JvmLauncher;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Interference;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.WorkloadSpec;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The cluster mode on this machine: W Hazelcast member JVMs ({@link ClusterMember}) joined over
 * loopback TCP under a cluster name unique to the build, and a client JVM ({@link ClusterDriver})
 * that submits the tasks, all started by the same {@link JvmLauncher} as every child (same java,
 * flags, class path with Hazelcast added, environment, timeouts) once for a (workload, W) and kept
 * across its iterations, as the pool's workers are. Maven's own JVM never loads Hazelcast: it
 * talks to the driver in the fork protocol. Start-up and cluster formation are paid once and
 * reported once; the members and the driver end when the cluster is closed, when one fails or
 * times out (all are killed with their descendants), and with Maven, as every child does.
 *
 * <p>The cluster's name is the only credential Hazelcast's open-source edition checks, for members
 * and clients alike: whoever knows it can join and run code in the build's JVMs. So it is 128 random
 * bits, handed to each JVM on its protocol channel ({@link ForkMessage.ClusterKeys}), never on a
 * command line (every local user can read those) nor in a file, and no message names it; the members
 * also refuse to go on once any client or member that is not the build's own has joined.
 */
public final class HazelcastCluster implements ModeExecutor {

    static final String LOOPBACK = "127.0.0.1";
    /** How long closing waits for a member or the driver to say DONE and exit before it is killed. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /**
     * How much longer than the timeout the host waits for the driver to connect: the driver tries for
     * the timeout itself and then says why it could not, naming the cluster, its addresses and the
     * time waited, which is more than the host could say.
     */
    private static final Duration CONNECT_GRACE = Duration.ofSeconds(10);
    /**
     * How much longer than the timeout the host waits for an iteration: the driver stops it at the
     * timeout and names the member whose task did not end, and where, which the host could not.
     */
    private static final Duration ITERATION_GRACE = Duration.ofSeconds(10);
    /** How long after the driver failed a member that ended meanwhile is given to be seen as ended. */
    private static final Duration DEATH_GRACE = Duration.ofSeconds(2);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** 128 bits: the cluster's name and the driver's label each. */
    private static final int KEY_BYTES = 16;

    private final WorkloadSpec spec;
    private final Duration timeout;
    private final List<ChildJvm> members;
    private final ChildJvm driver;
    private final long startupNanos;
    /** Where the cluster is: its name and its members' addresses. */
    private final ClusterConnection connection;
    /** The cluster's members as they described themselves to the driver. */
    private final ClusterMembers described;
    /** The label the embedded cluster's driver presents to its members; empty for an existing cluster. */
    private final String driverLabel;
    private final Set<String> unsentTypes = new LinkedHashSet<>();

    private HazelcastCluster(WorkloadSpec spec, Duration timeout, List<ChildJvm> members, ChildJvm driver,
                             long startupNanos, ClusterConnection connection, ClusterMembers described,
                             String driverLabel) {
        this.connection = connection;
        this.driverLabel = driverLabel;
        this.described = described;
        this.spec = spec;
        this.timeout = timeout;
        this.members = List.copyOf(members);
        this.driver = driver;
        this.startupNanos = startupNanos;
    }

    /**
     * Starts min(W, tasks) members, the first alone (it becomes the cluster's master, so the others
     * join it rather than form clusters of their own), then the others and the driver together, and
     * waits until the driver sees every member.
     *
     * @throws ForkException where a JVM cannot start, no free port is found, or the cluster does not
     *                       form within the timeout; every JVM started is killed first
     */
    public static HazelcastCluster start(JvmLauncher launcher, Duration timeout, ChildOutput output, WorkloadSpec spec,
                                        int workers) throws ForkException, TaskFailedException {
        int count = Math.min(workers, spec.tasks());
        ForkMessage.ClusterKeys keys = new ForkMessage.ClusterKeys(randomKey(), randomKey());
        List<String> addresses = new ArrayList<>();
        for (int port : freePorts(count)) {
            addresses.add(LOOPBACK + ":" + port);
        }
        List<ChildJvm> started = new ArrayList<>(count + 1);
        try {
            long first = System.nanoTime();
            for (int i = 0; i < count; i++) {
                String label = "cluster member " + (i + 1) + " of " + count + " (" + spec.name() + ")";
                String port = addresses.get(i).substring(LOOPBACK.length() + 1);
                ChildJvm member = ChildJvm.start(label, label + ": ", launcher.clusterProcessBuilder(
                        ForkProtocol.ROLE_MEMBER, port, String.join(",", addresses), spec.source().type(),
                        spec.source().target(), String.valueOf(spec.size()), String.valueOf(spec.payloadBytes())),
                        timeout, output);
                started.add(member);
                member.send(keys);
                if (i == 0) {
                    member.expect(ForkMessage.Started.class, timeout, "starting the cluster");
                }
            }
            // The driver starts while the other members join: it waits until it sees all of them.
            ChildJvm driver = driver(launcher, timeout, output, spec, count, keys, addresses, true);
            started.add(driver);
            for (ChildJvm member : started.subList(1, count)) {
                member.expect(ForkMessage.Started.class, timeout, "joining the cluster");
            }
            ChildJvm.Received<ForkMessage.Connected> ready = driver.expect(ForkMessage.Connected.class,
                    timeout.plus(CONNECT_GRACE), "connecting to the cluster");
            return new HazelcastCluster(spec, timeout, started.subList(0, count), driver,
                    ready.arrivedNanos() - first, new ClusterConnection(addresses, keys.clusterName()),
                    ready.message().members(), keys.driverLabel());
        } catch (ForkException | TaskFailedException | RuntimeException e) {
            started.forEach(ChildJvm::close);
            throw e;
        }
    }

    /**
     * The cluster mode on an existing cluster: only the driver is started here, and it uses W of the
     * cluster's members (the first W by address). Their CPU and memory are not this machine's, so not
     * measured: the samples say 0.
     *
     * @throws ForkException naming the addresses and the time waited when the cluster cannot be
     *                       reached, or its members when it has fewer than W
     */
    public static HazelcastCluster connect(JvmLauncher launcher, Duration timeout, ChildOutput output,
                                           WorkloadSpec spec, int workers, ClusterConnection cluster)
            throws ForkException, TaskFailedException {
        return connect(launcher, timeout, output, spec, workers, cluster, "");
    }

    /**
     * {@link #connect} with the label the driver presents: a test's driver, connected to an
     * embedded cluster as to an existing one, presents the label of that cluster's own driver, since
     * the members refuse any other client.
     */
    public static HazelcastCluster connect(JvmLauncher launcher, Duration timeout, ChildOutput output, WorkloadSpec spec,
                                    int workers, ClusterConnection cluster, String driverLabel)
            throws ForkException, TaskFailedException {
        long first = System.nanoTime();
        ChildJvm driver = driver(launcher, timeout, output, spec, Math.min(workers, spec.tasks()),
                new ForkMessage.ClusterKeys(cluster.name(), driverLabel), cluster.addresses(), false);
        try {
            ChildJvm.Received<ForkMessage.Connected> ready = driver.expect(ForkMessage.Connected.class,
                    timeout.plus(CONNECT_GRACE), "connecting to the cluster");
            return new HazelcastCluster(spec, timeout, List.of(), driver, ready.arrivedNanos() - first, cluster,
                    ready.message().members(), "");
        } catch (ForkException | TaskFailedException | RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    /** Starts the driver and hands it the cluster's keys; the driver is closed if that fails. */
    private static ChildJvm driver(JvmLauncher launcher, Duration timeout, ChildOutput output, WorkloadSpec spec,
                                   int members, ForkMessage.ClusterKeys keys, List<String> addresses, boolean embedded)
            throws ForkException {
        String label = "cluster driver (" + spec.name() + ")";
        ChildJvm driver = ChildJvm.start(label, "", launcher.clusterProcessBuilder(ForkProtocol.ROLE_DRIVER,
                String.join(",", addresses), String.valueOf(members), embedded ? ClusterDriver.EMBEDDED
                        : ClusterDriver.EXISTING, spec.source().type(), spec.source().target(),
                String.valueOf(spec.size()), String.valueOf(spec.payloadBytes()), String.valueOf(spec.batch()),
                String.valueOf(timeout.toSeconds())),
                timeout, output);
        try {
            driver.send(keys);
        } catch (ForkException e) {
            driver.close();
            throw e;
        }
        return driver;
    }

    /** {@value #KEY_BYTES} bytes from {@link SecureRandom}, in hex. */
    private static String randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /**
     * {@code count} ports free on 127.0.0.1 now: each held open until all are found, so none is
     * found twice, then released for the members to bind.
     */
    static List<Integer> freePorts(int count) throws ForkException {
        List<ServerSocket> held = new ArrayList<>(count);
        try {
            List<Integer> ports = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK));
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new ForkException("could not find " + count + " free ports on " + LOOPBACK + " for the cluster's "
                    + "members: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a listening socket that accepted nothing does not fail in a way that matters
                }
            }
        }
    }

    /**
     * Every member of the cluster, as it described itself when the driver connected: this machine's
     * JVMs for an embedded cluster, the cluster's (all of them, W of which are used) for an existing one.
     */
    @Override
    public ClusterMembers clusterMembers() {
        return described;
    }

    /** From the first member's spawn until the driver saw every member. */
    @Override
    public long startupNanos() {
        return startupNanos;
    }

    /**
     * One iteration: every task once. CPU is the members' process CPU over the iteration (clock
     * ticks), memory the sum of their peak resident sets so far, {@code ipcNanos} the time that was
     * not the tasks' own compute on the critical path, {@code movedBytes} inputs and results, told apart.
     *
     * @throws ForkException naming the member that died, as for a pool worker, or what failed
     */
    @Override
    public Sample runIteration() throws ForkException, TaskFailedException {
        try {
            driver.send(new ForkMessage.Prepare(spec.tasks()));
            driver.expect(ForkMessage.Ready.class, timeout.plus(ITERATION_GRACE), "making the tasks of an iteration");
            long cpuBefore = ChildJvm.cpuNanos(members);
            driver.send(new ForkMessage.Go());
            ForkMessage.ClusterSample sample = driver.expect(ForkMessage.ClusterSample.class,
                    timeout.plus(ITERATION_GRACE), "an iteration").message();
            long cpu = ChildJvm.cpuNanos(members) - cpuBefore;
            if (!sample.unsentTypes().isEmpty()) {
                unsentTypes.addAll(List.of(sample.unsentTypes().split(" ")));
            }
            long memory = 0;
            for (ChildJvm member : members) {
                memory += Probes.peakResidentBytes(member.pid());
            }
            return new Sample(sample.wallNanos(), cpu, memory, Sample.NO_STARTUP, Sample.NO_GC, sample.overheadNanos(),
                    Sample.NOT_MOVED, Interference.NOT_MEASURED)
                    .withMovedBytes(sample.inputBytes(), sample.resultBytes());
        } catch (ForkException | TaskFailedException e) {
            failIfAMemberEnded(e);
            throw e;
        }
    }

    /**
     * A member that ended during the iteration is what the driver's failure was about (it saw the
     * member leave): that member's own last words (an out-of-memory it reported, with its heap and
     * the result it made) or its exit code and last output. A member's process may end a moment after
     * the driver saw its connection close, so they are given {@link #DEATH_GRACE} to be seen ended.
     */
    private void failIfAMemberEnded(Exception driverFailure) throws ForkException, TaskFailedException {
        long deadline = System.nanoTime() + DEATH_GRACE.toNanos();
        for (ChildJvm member : members) {
            if (member.endsWithin(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                // Its channel holds what it said before it ended, then its end: either is thrown.
                member.expect(ForkMessage.Done.class, CLOSE_WAIT, "an iteration (" + driverFailure.getMessage() + ")");
            }
        }
    }

    /** Classes of task results that are not Serializable: consumed in the members, not sent back. */
    @Override
    public Set<String> unsentTypes() {
        return Set.copyOf(unsentTypes);
    }

    /**
     * The driver first (a client whose members go away under it logs its connections' errors), then
     * the members together; each is asked to finish and waited for briefly, and one that does not is
     * killed, as every one is in the end.
     */
    @Override
    public void close() {
        ChildJvm.endAll(List.of(driver), CLOSE_WAIT);
        ChildJvm.endAll(members, CLOSE_WAIT);
    }

    /** Where the cluster is, its name included: for a test that connects to it as to an existing one. */
    ClusterConnection connection() {
        return connection;
    }

    /** The label the members know the driver by: for a test that connects a driver of its own. */
    String driverLabel() {
        return driverLabel;
    }

    /** The JVMs' process ids, members first, then the driver: for tests of the clean-up. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (ChildJvm member : members) {
            pids.add(member.pid());
        }
        pids.add(driver.pid());
        return pids;
    }
}
