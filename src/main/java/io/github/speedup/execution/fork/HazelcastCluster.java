package io.github.speedup.execution.fork;

import io.github.speedup.execution.TaskFailedException;
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
 */
public final class HazelcastCluster implements AutoCloseable {

    static final String LOOPBACK = "127.0.0.1";
    /** How long closing waits for a member or the driver to say DONE and exit before it is killed. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
    /**
     * How much longer than the timeout the host waits for the driver to connect: the driver tries for
     * the timeout itself and then says why it could not, naming the cluster, its addresses and the
     * time waited, which is more than the host could say.
     */
    private static final Duration CONNECT_GRACE = Duration.ofSeconds(10);

    private final WorkloadSpec spec;
    private final Duration timeout;
    private final List<ChildJvm> members;
    private final ChildJvm driver;
    private final long startupNanos;
    /** Where the cluster is: its name and its members' addresses. */
    private final ClusterConnection connection;
    /** The cluster's members as they described themselves to the driver. */
    private final ClusterMembers described;
    private final Set<String> unsentTypes = new LinkedHashSet<>();

    private HazelcastCluster(WorkloadSpec spec, Duration timeout, List<ChildJvm> members, ChildJvm driver,
                             long startupNanos, ClusterConnection connection, ClusterMembers described) {
        this.connection = connection;
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
        String name = "speedup-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(6));
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
                started.add(ChildJvm.start(label, label + ": ", launcher.clusterProcessBuilder(ForkProtocol.ROLE_MEMBER,
                        name, port, addresses.get(0), spec.source().type(), spec.source().target(),
                        String.valueOf(spec.size()), String.valueOf(spec.payloadBytes())), timeout, output));
                if (i == 0) {
                    started.get(0).expect(ForkMessage.Started.class, timeout, "starting the cluster " + name);
                }
            }
            // The driver starts while the other members join: it waits until it sees all of them.
            ChildJvm driver = driver(launcher, timeout, output, spec, count, name, addresses, true);
            started.add(driver);
            for (ChildJvm member : started.subList(1, count)) {
                member.expect(ForkMessage.Started.class, timeout, "joining the cluster " + name);
            }
            ChildJvm.Received<ForkMessage.Connected> ready = driver.expect(ForkMessage.Connected.class,
                    timeout.plus(CONNECT_GRACE), "connecting to the cluster " + name);
            return new HazelcastCluster(spec, timeout, started.subList(0, count), driver,
                    ready.arrivedNanos() - first, new ClusterConnection(addresses, name), ready.message().members());
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
        long first = System.nanoTime();
        ChildJvm driver = driver(launcher, timeout, output, spec, Math.min(workers, spec.tasks()), cluster.name(),
                cluster.addresses(), false);
        try {
            ChildJvm.Received<ForkMessage.Connected> ready = driver.expect(ForkMessage.Connected.class,
                    timeout.plus(CONNECT_GRACE), "connecting to the cluster " + cluster.name());
            return new HazelcastCluster(spec, timeout, List.of(), driver, ready.arrivedNanos() - first, cluster,
                    ready.message().members());
        } catch (ForkException | TaskFailedException | RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    private static ChildJvm driver(JvmLauncher launcher, Duration timeout, ChildOutput output, WorkloadSpec spec,
                                   int members, String name, List<String> addresses, boolean embedded)
            throws ForkException {
        String label = "cluster driver (" + spec.name() + ")";
        return ChildJvm.start(label, "", launcher.clusterProcessBuilder(ForkProtocol.ROLE_DRIVER, name,
                String.join(",", addresses), String.valueOf(members), embedded ? ClusterDriver.EMBEDDED
                        : ClusterDriver.EXISTING, spec.source().type(), spec.source().target(),
                String.valueOf(spec.size()), String.valueOf(spec.payloadBytes()), String.valueOf(spec.batch()),
                String.valueOf(timeout.toSeconds())),
                timeout, output);
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
    public ClusterMembers clusterMembers() {
        return described;
    }

    /** From the first member's spawn until the driver saw every member. */
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
    public Sample runIteration() throws ForkException, TaskFailedException {
        try {
            driver.send(new ForkMessage.Prepare(spec.tasks()));
            driver.expect(ForkMessage.Ready.class, timeout, "making the tasks of an iteration");
            long cpuBefore = ChildJvm.cpuNanos(members);
            driver.send(new ForkMessage.Go());
            ForkMessage.ClusterSample sample = driver.expect(ForkMessage.ClusterSample.class, timeout,
                    "an iteration").message();
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
            for (ChildJvm member : members) {
                if (!member.isAlive()) {
                    throw member.deathDuring("an iteration (" + e.getMessage() + ")");
                }
            }
            throw e;
        }
    }

    /** Classes of task results that are not Serializable: consumed in the members, not sent back. */
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

    /** Where the cluster is: for a test that connects to it as to an existing one. */
    ClusterConnection connection() {
        return connection;
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
