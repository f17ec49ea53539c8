package io.github.speedup.execution.fork;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Payload;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cluster mode's client ({@code driver} {@value #ARGUMENTS}), in a JVM of its own so that
 * Maven's never loads Hazelcast: connects to the cluster as a Hazelcast client, waits until it has
 * its members, asks every member of the cluster to describe itself ({@link MemberFacts}) and says
 * CONNECTED with what they said. Then, on the host's commands as a pool worker takes them: PREPARE
 * has every member make the iteration's tasks ({@link ClusterPrepare}) and answers READY; GO runs
 * the iteration, each task submitted to the cluster's executor service on whichever member is free
 * (a dispatcher thread per member submits its next task when its last answer came back, as the pool
 * deals to its workers: {@link TaskDispatch}), and answers with the iteration's
 * {@link ForkMessage.ClusterSample}; EXIT ends the client.
 *
 * <p>Dealing as the pool does keeps the two comparable: what the cluster costs beyond the pool is
 * then Hazelcast's (serialisation, network, executor), not another dealing. Submitting every task at
 * once, round-robin, hides part of each round trip behind the next task (on 2 cores, 32 tasks of
 * 2 ms on 2 members: 27 ms of overhead per iteration against 46 ms dealt one at a time; the same at
 * 4 tasks of 100 ms), but deals unevenly sized tasks badly and measures a different thing than
 * the pool.
 */
final class ClusterDriver {

    static final String ARGUMENTS = "<clusterName> <host:port,...> <members> (embedded | existing) <type> <target> "
            + "<size> <payloadBytes> <batch> <timeoutSeconds>";
    /** A cluster the plugin started: its members may still be joining, so the driver waits for them. */
    static final String EMBEDDED = "embedded";
    /** A cluster the user named: it has the members it has, and W of them are used. */
    static final String EXISTING = "existing";
    /** The executor service the tasks are submitted to. */
    static final String EXECUTOR = "speedup";

    private final IExecutorService executor;
    private final List<Member> members;
    private final String type;
    private final String target;
    private final int size;
    private final int payloadBytes;
    private final int batch;
    private final long timeoutSeconds;
    private final ExecutorService dispatchers;
    private byte[][] inputs = new byte[0][];

    private ClusterDriver(HazelcastInstance client, List<Member> members, String[] args) {
        this.executor = client.getExecutorService(EXECUTOR);
        this.members = List.copyOf(members);
        this.type = args[5];
        this.target = args[6];
        this.size = Integer.parseInt(args[7]);
        this.payloadBytes = Integer.parseInt(args[8]);
        this.batch = Integer.parseInt(args[9]);
        this.timeoutSeconds = Long.parseLong(args[10]);
        this.dispatchers = Executors.newFixedThreadPool(members.size());
    }

    static int serve(String[] args, ChildChannel channel) {
        HazelcastInstance client = null;
        try {
            if (args.length != 11) {
                throw new IllegalArgumentException("expected: driver " + ARGUMENTS);
            }
            ClusterLogging.quiet();
            int expected = Integer.parseInt(args[3]);
            long timeoutSeconds = Long.parseLong(args[10]);
            client = connect(args[1], args[2], timeoutSeconds);
            ClusterDriver driver = new ClusterDriver(client, members(client, args[1], args[2], expected,
                    args[4].equals(EMBEDDED) ? timeoutSeconds : 0), args);
            OutputStream protocol = channel.output();
            ForkProtocol.write(protocol, new ForkMessage.Connected(driver.describeMembers(client)), null);
            ForkedMain.HostWatchdog.watch();
            BoundedLineReader in = new BoundedLineReader(channel.input(), ChildJvm.PROTOCOL_LINE_LIMIT);
            ForkProtocol.Framed next;
            while ((next = ForkProtocol.read(in)) != null) {
                ForkMessage command = next.message();
                if (command instanceof ForkMessage.Prepare prepare) {
                    ForkProtocol.write(protocol, new ForkMessage.Ready(driver.prepare(prepare.tasks())), null);
                } else if (command instanceof ForkMessage.Go) {
                    ForkProtocol.write(protocol, driver.iteration(), null);
                } else if (command instanceof ForkMessage.Exit) {
                    client.shutdown();
                    ForkProtocol.write(protocol, new ForkMessage.Done(Probes.processCpuNanos(),
                            Probes.peakResidentBytes(), ""), null);
                    return 0;
                } else {
                    throw new IllegalStateException("a cluster driver takes PREPARE, GO and EXIT, not "
                            + command.encode());
                }
            }
            ForkedMain.hostGone();
            return 3;
        } catch (Exception | Error e) {
            if (client != null) {
                client.shutdown();
            }
            try {
                // The driver's own failures (an unreachable cluster, a member that left) say all there is to say.
                ForkProtocol.write(channel.output(), new ForkMessage.Failed(e instanceof ForkException
                        ? e.getMessage() : Failures.describe(e)), null);
            } catch (IOException gone) {
                // the host is gone; so are we
            }
            return 1;
        }
    }

    /**
     * A client of the named cluster at the given addresses, trying to connect for at most the
     * timeout.
     *
     * @throws ForkException naming the cluster, the addresses and the time waited, when no member answered
     */
    private static HazelcastInstance connect(String clusterName, String addresses, long timeoutSeconds)
            throws ForkException {
        ClientConfig config = new ClientConfig();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.logging.type", ClusterLogging.TYPE);
        config.setProperty("hazelcast.client.shutdownhook.enabled", "false");
        config.getNetworkConfig().setAddresses(Arrays.asList(addresses.split(",")));
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        try {
            return HazelcastClient.newHazelcastClient(config);
        } catch (IllegalStateException e) {
            throw new ForkException("could not connect to the Hazelcast cluster " + clusterName + " at " + addresses
                    + " within " + timeoutSeconds + " s: " + e.getMessage(), e);
        }
    }

    /**
     * The first {@code expected} members by address, once the cluster has that many: an embedded
     * cluster's members may still be joining, so it waits up to the timeout; an existing one has the
     * members it has ({@code waitSeconds} 0).
     */
    private static List<Member> members(HazelcastInstance client, String clusterName, String addresses, int expected,
                                        long waitSeconds) throws ForkException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        while (client.getCluster().getMembers().size() < expected) {
            if (System.nanoTime() >= deadline) {
                throw new ForkException("the Hazelcast cluster " + clusterName + " at " + addresses + " has "
                        + client.getCluster().getMembers().size() + " members, fewer than the " + expected
                        + " workers of this measurement" + (waitSeconds > 0 ? " after " + waitSeconds + " s" : ""));
            }
            Thread.sleep(10);
        }
        List<Member> members = new ArrayList<>(client.getCluster().getMembers());
        members.sort(Comparator.comparing(member -> member.getAddress().toString()));
        return members.subList(0, expected);
    }

    /**
     * Every member of the cluster (not only the W used), in the order of their addresses: its cores
     * and Java version as it tells them, its Hazelcast version as the cluster does.
     */
    private ClusterMembers describeMembers(HazelcastInstance client) throws ForkException {
        List<Member> all = new ArrayList<>(client.getCluster().getMembers());
        all.sort(Comparator.comparing(member -> member.getAddress().toString()));
        Map<Member, Future<String>> told = executor.submitToMembers(new MemberFacts(), all);
        List<Integer> cores = new ArrayList<>();
        Set<String> hazelcast = new LinkedHashSet<>();
        Set<String> java = new LinkedHashSet<>();
        for (Member member : all) {
            String[] facts = await(told.get(member), member, "describing itself").split(" ", 2);
            cores.add(Integer.parseInt(facts[0]));
            java.add(facts[1]);
            hazelcast.add(member.getVersion().toString());
        }
        return new ClusterMembers(cores, String.join(", ", hazelcast), String.join(", ", java));
    }

    /** Has every member make the iteration's tasks; the longest any took. */
    private long prepare(int tasks) throws ForkException, TaskFailedException {
        if (inputs.length != tasks) {
            inputs = new byte[tasks][];
            for (int index = 0; index < tasks && payloadBytes > 0; index++) {
                inputs[index] = Payload.input(index, payloadBytes);
            }
        }
        Map<Member, Future<Long>> made = executor.submitToAllMembers(new ClusterPrepare(type, target, size, batch,
                tasks, payloadBytes));
        long longest = 0;
        for (Map.Entry<Member, Future<Long>> member : made.entrySet()) {
            longest = Math.max(longest, await(member.getValue(), member.getKey(), "making the tasks of an iteration"));
        }
        return longest;
    }

    /** One iteration: every task once, each to whichever member is free. */
    private ForkMessage.ClusterSample iteration() throws ForkException, TaskFailedException {
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        Set<String> unsent = ConcurrentHashMap.newKeySet();
        List<TaskDispatch.Lane> lanes = new ArrayList<>(members.size());
        for (Member member : members) {
            lanes.add(task -> {
                byte[] input = inputs[task];
                ClusterTask.Outcome outcome = await(executor.submitToMember(
                        new ClusterTask(type, target, size, batch, task, input), member), member, "task " + task);
                long answered = System.nanoTime();
                if (outcome.failure() != null) {
                    throw new TaskFailedException("member " + member.getAddress() + ": " + outcome.failure(), null);
                }
                sent.addAndGet(input == null ? 0 : input.length);
                received.addAndGet(outcome.result() == null ? 0 : outcome.result().length);
                if (!outcome.unsentType().isEmpty()) {
                    unsent.add(outcome.unsentType());
                }
                return new TaskDispatch.TaskTime(outcome.computeNanos(), outcome.setupNanos(), answered,
                        Sample.NOT_MEASURED, Sample.NO_GC);
            });
        }
        TaskDispatch.Outcome outcome = TaskDispatch.run(lanes, inputs.length, dispatchers);
        return new ForkMessage.ClusterSample(outcome.wallNanos(), outcome.ipcNanos(), sent.get(), received.get(),
                String.join(" ", new TreeSet<>(unsent)));
    }

    /**
     * A submission's answer. A member that left the cluster (it died), a task the executor could not
     * carry, or a timeout end the run with the member named.
     */
    private <T> T await(Future<T> answer, Member member, String waitingFor) throws ForkException {
        try {
            return answer.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new ForkException("member " + member.getAddress() + " failed during " + waitingFor + ": "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new ForkException("member " + member.getAddress() + " did not finish " + waitingFor
                    + " within forkedProcessTimeoutInSeconds=" + timeoutSeconds + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkException("interrupted while member " + member.getAddress() + " ran " + waitingFor);
        }
    }
}
