package io.github.speedup.execution.cluster;

import io.github.speedup.execution.ForkException;
import io.github.speedup.execution.TaskFailedException;
import io.github.speedup.execution.child.ChildLifetime;
import io.github.speedup.execution.pool.TaskDispatch;
import io.github.speedup.execution.protocol.BoundedLineReader;
import io.github.speedup.execution.protocol.ChildChannel;
import io.github.speedup.execution.protocol.Failures;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.Probes;
import io.github.speedup.measure.Sample;
import io.github.speedup.text.ByteSize;
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
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cluster mode's client ({@code driver} {@value #ARGUMENTS}), in a JVM of its own so that
 * Maven's never loads Hazelcast: reads the cluster's keys from its channel (never an argument:
 * {@link ForkMessage.ClusterKeys}), connects to the cluster as a Hazelcast client presenting the
 * driver's label, waits until it has
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
public final class ClusterDriver {

    public static final String ARGUMENTS = "<host:port,...> <members> (embedded | existing) <type> <target> <size> "
            + "<payloadBytes> <batch> <timeoutSeconds>";
    /** How long a member whose task is stuck may take to say where it is. */
    private static final long STUCK_ANSWER_SECONDS = 5;
    /** A cluster the plugin started: its members may still be joining, so the driver waits for them. */
    static final String EMBEDDED = "embedded";
    /** A cluster the user named: it has the members it has, and W of them are used. */
    static final String EXISTING = "existing";
    /** The executor service the tasks are submitted to. */
    static final String EXECUTOR = "speedup";

    private final IExecutorService executor;
    private final IExecutorService watch;
    private final List<Member> members;
    /** The members as messages name them: "cluster member 2 of 2 (127.0.0.1:5702)", or an existing cluster's by address. */
    private final Map<Member, String> names;
    /** What each member is sent now and has not answered: what an out-of-memory here was receiving. */
    private final Map<Member, String> awaited = new ConcurrentHashMap<>();
    /** The largest result received so far, and its task and member: what an out-of-memory here says of sizes. */
    private final AtomicReference<Received> largest = new AtomicReference<>();
    /** Reports an out-of-memory of this JVM's; set once the driver is connected. */
    private volatile ClusterMember.OutOfMemoryReport outOfMemory;

    /** A result received: its task, its size in bytes and its member, named. */
    private record Received(int task, long bytes, String member) {
    }
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
        this.watch = client.getExecutorService(ClusterMember.WATCH_EXECUTOR);
        this.members = List.copyOf(members);
        this.names = names(client, args[1], args[3].equals(EMBEDDED));
        this.type = args[4];
        this.target = args[5];
        this.size = Integer.parseInt(args[6]);
        this.payloadBytes = Integer.parseInt(args[7]);
        this.batch = Integer.parseInt(args[8]);
        this.timeoutSeconds = Long.parseLong(args[9]);
        this.dispatchers = Executors.newFixedThreadPool(members.size());
    }

    /**
     * The first message on the channel: the cluster's keys, which never travel as arguments.
     *
     * @throws IllegalStateException when the host sent anything else first
     */
    static ForkMessage.ClusterKeys keys(BoundedLineReader in) throws IOException,
            ForkProtocol.MalformedMessageException {
        ForkProtocol.Framed first = ForkProtocol.read(in);
        if (first == null || !(first.message() instanceof ForkMessage.ClusterKeys keys)) {
            throw new IllegalStateException("a cluster JVM takes the cluster's keys first, not "
                    + (first == null ? "the end of its channel" : first.message().getClass().getSimpleName()));
        }
        return keys;
    }

    /**
     * How messages name each member: an embedded cluster's by their place among the addresses the
     * host gave them, as the host's labels do, with the address; an existing cluster's by address.
     */
    private static Map<Member, String> names(HazelcastInstance client, String addresses, boolean embedded) {
        List<String> started = List.of(addresses.split(","));
        Map<Member, String> names = new ConcurrentHashMap<>();
        for (Member member : client.getCluster().getMembers()) {
            String address = member.getAddress().getHost() + ":" + member.getAddress().getPort();
            int place = started.indexOf(address);
            names.put(member, embedded && place >= 0 ? "cluster member " + (place + 1) + " of " + started.size() + " ("
                    + address + ")" : "member " + address);
        }
        return names;
    }

    public static int serve(String[] args, ChildChannel channel) {
        HazelcastInstance client = null;
        ClusterMember.OutOfMemoryReport report = null;
        try {
            if (args.length != 10) {
                throw new IllegalArgumentException("expected: driver " + ARGUMENTS);
            }
            BoundedLineReader in = new BoundedLineReader(channel.input(), ForkProtocol.LINE_LIMIT);
            ForkMessage.ClusterKeys keys = keys(in);
            ClusterLogging.quiet();
            int expected = Integer.parseInt(args[2]);
            long timeoutSeconds = Long.parseLong(args[9]);
            boolean embedded = args[3].equals(EMBEDDED);
            client = connect(keys, args[1], embedded, timeoutSeconds);
            ClusterDriver driver = new ClusterDriver(client, members(client, args[1], expected,
                    embedded ? timeoutSeconds : 0), args);
            OutputStream protocol = channel.output();
            report = new ClusterMember.OutOfMemoryReport(protocol, "the cluster driver ", driver::awaitedResults);
            HazelcastClient.setOutOfMemoryHandler(report);
            driver.outOfMemory = report;
            Thread.setDefaultUncaughtExceptionHandler(report);
            ForkProtocol.write(protocol, new ForkMessage.Connected(driver.describeMembers(client)), null);
            ChildLifetime.watchHost();
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
                            + command.getClass().getSimpleName());
                }
            }
            ChildLifetime.hostGone();
            return 3;
        } catch (Exception | Error e) {
            if (report != null && report.reported()) {
                // The out-of-memory was the cause: its report, which says so, ends the JVM.
                ClusterMember.OutOfMemoryReport.waitForTheEnd();
            }
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
     * A client of the cluster at the given addresses, under its name and with the driver's label,
     * trying to connect for at most the timeout. No message names the cluster by its name: it is the
     * cluster's credential.
     *
     * @throws ForkException naming the addresses and the time waited, when no member answered
     */
    private static HazelcastInstance connect(ForkMessage.ClusterKeys keys, String addresses, boolean embedded,
                                             long timeoutSeconds) throws ForkException {
        ClientConfig config = new ClientConfig();
        config.setClusterName(keys.clusterName());
        if (!keys.driverLabel().isEmpty()) {
            config.addLabel(keys.driverLabel());
        }
        config.setProperty("hazelcast.logging.type", ClusterLogging.TYPE);
        config.setProperty("hazelcast.client.shutdownhook.enabled", "false");
        config.getNetworkConfig().setAddresses(Arrays.asList(addresses.split(",")));
        config.getConnectionStrategyConfig().getConnectionRetryConfig()
                .setClusterConnectTimeoutMillis(TimeUnit.SECONDS.toMillis(timeoutSeconds));
        try {
            return HazelcastClient.newHazelcastClient(config);
        } catch (IllegalStateException e) {
            throw new ForkException("could not connect to the Hazelcast cluster at " + addresses + " within "
                    + timeoutSeconds + " s" + (embedded ? "" : " (is clusterName the name of the cluster at "
                    + "clusterAddresses?)") + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first {@code expected} members by address, once the cluster has that many: an embedded
     * cluster's members may still be joining, so it waits up to the timeout; an existing one has the
     * members it has ({@code waitSeconds} 0).
     */
    private static List<Member> members(HazelcastInstance client, String addresses, int expected, long waitSeconds)
            throws ForkException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        while (client.getCluster().getMembers().size() < expected) {
            if (System.nanoTime() >= deadline) {
                throw new ForkException("the Hazelcast cluster at " + addresses + " has "
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Member member : all) {
            String[] facts = await(told.get(member), member, "describing itself", deadline).split(" ", 2);
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        for (Map.Entry<Member, Future<Long>> member : made.entrySet()) {
            longest = Math.max(longest, await(member.getValue(), member.getKey(), "making the tasks of an iteration",
                    deadline));
        }
        return longest;
    }

    /**
     * One iteration: every task once, each to whichever member is free, within the timeout from its
     * start (as the measurement JVM's iterations). A result is sent with the driver's largest heap, so
     * that a member refuses one the driver could not hold.
     */
    private ForkMessage.ClusterSample iteration() throws ForkException, TaskFailedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long heap = Runtime.getRuntime().maxMemory();
        AtomicLong sent = new AtomicLong();
        AtomicLong received = new AtomicLong();
        Set<String> unsent = ConcurrentHashMap.newKeySet();
        List<TaskDispatch.Lane> lanes = new ArrayList<>(members.size());
        for (Member member : members) {
            lanes.add(task -> {
                byte[] input = inputs[task];
                ClusterTask.Outcome outcome = await(executor.submitToMember(
                        new ClusterTask(type, target, size, batch, task, input, heap), member), member, "task " + task,
                        deadline);
                long answered = System.nanoTime();
                if (outcome.failure() != null) {
                    throw new TaskFailedException(name(member) + ": " + outcome.failure(), null);
                }
                sent.addAndGet(input == null ? 0 : input.length);
                long bytes = outcome.result() == null ? 0 : outcome.result().length;
                received.addAndGet(bytes);
                largest.accumulateAndGet(new Received(task, bytes, name(member)),
                        (was, now) -> was != null && was.bytes() >= now.bytes() ? was : now);
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
     * A submission's answer, by the deadline. A member that left the cluster (it died) or a task the
     * executor could not carry end the run with the member named; so does a task still running at the
     * deadline, with where its thread is in the member ({@link StuckTask}), as a thread dump would
     * show it.
     */
    private <T> T await(Future<T> answer, Member member, String waitingFor, long deadlineNanos) throws ForkException {
        awaited.put(member, waitingFor);
        try {
            return answer.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            reportOwnOutOfMemory(cause);
            throw new ForkException(name(member) + " failed during " + waitingFor + ": "
                    + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new ForkException(name(member) + " did not finish " + waitingFor + " within "
                    + "forkedProcessTimeoutInSeconds=" + timeoutSeconds + " s" + whereStuck(member));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ForkException("interrupted while " + name(member) + " ran " + waitingFor);
        } finally {
            awaited.remove(member);
        }
    }

    /**
     * A connection this JVM's IO thread closed because it ran out of memory reading an answer fails
     * the answer's wait with the disconnection, which can reach the host before Hazelcast's handler
     * has reported the out-of-memory: the report, which names the cause, goes first (and ends the JVM).
     */
    private void reportOwnOutOfMemory(Throwable failure) {
        ClusterMember.OutOfMemoryReport report = outOfMemory;
        for (Throwable cause = failure; cause != null && report != null; cause = cause.getCause() == cause ? null
                : cause.getCause()) {
            if (cause instanceof OutOfMemoryError error) {
                report.onOutOfMemory(error, null);
            }
        }
    }

    /** How messages name a member; one that joined after the driver connected, by its address. */
    private String name(Member member) {
        return names.getOrDefault(member, "member " + member.getAddress().getHost() + ":" + member.getAddress().getPort());
    }

    /** Where a member's task thread is, asked through its second executor: "; there, task 3, in thread ...". */
    private String whereStuck(Member member) {
        try {
            String where = watch.submitToMember(new StuckTask(), member).get(STUCK_ANSWER_SECONDS, TimeUnit.SECONDS);
            return where.isEmpty() ? "" : "; there, " + where;
        } catch (ExecutionException | TimeoutException e) {
            return "; it did not say where its task is within " + STUCK_ANSWER_SECONDS + " s (" + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /**
     * What the driver waits for and the largest result it received, as the report of its
     * out-of-memory says them: "while waiting for task 1 from cluster member 2 of 2 (…); the largest
     * result it received was task 0's, 28.0 MiB from cluster member 1 of 2 (…)".
     */
    private String awaitedResults() {
        List<String> waiting = new ArrayList<>();
        awaited.forEach((member, what) -> waiting.add(what + " from " + name(member)));
        Received received = largest.get();
        return (waiting.isEmpty() ? "" : ", while waiting for " + String.join(" and ", new TreeSet<>(waiting)))
                + (received == null ? "" : "; the largest result it received was task " + received.task() + "'s, "
                + ByteSize.of(received.bytes()) + " from " + received.member())
                + "; a result arriving is held twice, as the bytes read and as the array made of them";
    }
}
