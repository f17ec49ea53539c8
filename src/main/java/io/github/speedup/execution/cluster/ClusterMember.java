package io.github.speedup.execution.cluster;

import io.github.speedup.execution.child.ChildLifetime;
import io.github.speedup.execution.protocol.BoundedLineReader;
import io.github.speedup.execution.protocol.ChildChannel;
import io.github.speedup.execution.protocol.Failures;
import io.github.speedup.execution.protocol.ForkMessage;
import io.github.speedup.execution.protocol.ForkProtocol;
import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.cluster.Address;
import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.OutOfMemoryHandler;
import io.github.speedup.measure.Probes;
import io.github.speedup.text.ByteSize;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;
import io.github.speedup.workload.WorkloadSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A Hazelcast member of the cluster mode ({@code member} {@value #ARGUMENTS}): checks that the
 * workload resolves here (its classes must be on every member's class path, as on a real cluster),
 * reads the cluster's keys from its channel ({@link ForkMessage.ClusterKeys}: the name is the
 * cluster's credential, so never an argument), starts a member bound to 127.0.0.1 on the given
 * port, joined over TCP through the first of the members' addresses (no multicast, no
 * auto-detection), and says STARTED
 * once it has joined. From then on the cluster's executor service hands it tasks
 * ({@link ClusterTask}, {@link ClusterPrepare}); on its channel it only waits for EXIT, when it
 * ends its member and says DONE with its CPU time and peak memory. A channel that closes without
 * EXIT means the host is gone: the JVM then ends at once, with every process it started.
 *
 * <p>It watches who joins: a client without the driver's label or a member at an address the host
 * did not start stops the run at the next task ({@link MemberTasks#refuseIntruders()}). An
 * out-of-memory in any of its threads (Hazelcast's own, which would otherwise swallow it) is
 * reported on the channel with the heap and the last result made, and ends the JVM, so the driver
 * sees the member leave at once.
 */
public final class ClusterMember {

    public static final String ARGUMENTS = "<port> <host:port,...> <type> <target> <size> <payloadBytes>";
    /** The second executor, beside the tasks' one: the driver asks a member where its stuck task is through it. */
    static final String WATCH_EXECUTOR = "speedup-watch";

    private ClusterMember() {
    }

    public static int serve(String[] args, ChildChannel channel) {
        HazelcastInstance member = null;
        try {
            if (args.length != 7) {
                throw new IllegalArgumentException("expected: member " + ARGUMENTS);
            }
            TaskSource source = TaskSource.of(args[3], args[4]);
            Tasks.check(new WorkloadSpec("cluster", source, 1, Integer.parseInt(args[5]), Integer.parseInt(args[6])),
                    Thread.currentThread().getContextClassLoader());
            BoundedLineReader in = new BoundedLineReader(channel.input(), ForkProtocol.LINE_LIMIT);
            ForkMessage.ClusterKeys keys = ClusterDriver.keys(in);
            OutputStream protocol = channel.output();
            OutOfMemoryReport report = new OutOfMemoryReport(protocol, "", ClusterMember::lastResult);
            Hazelcast.setOutOfMemoryHandler(report);
            Thread.setDefaultUncaughtExceptionHandler(report);
            ClusterLogging.quiet();
            // Joined through the first member, the master: the others may not be up yet.
            member = Hazelcast.newHazelcastInstance(config(keys.clusterName(), Integer.parseInt(args[1]),
                    args[2].split(",")[0]));
            watch(member, keys.driverLabel(), List.of(args[2].split(",")));
            ForkProtocol.write(protocol, new ForkMessage.Started(), null);
            ChildLifetime.watchHost();
            ForkProtocol.Framed next;
            while ((next = ForkProtocol.read(in)) != null) {
                if (!(next.message() instanceof ForkMessage.Exit)) {
                    throw new IllegalStateException("a cluster member takes EXIT only, not "
                            + next.message().getClass().getSimpleName());
                }
                ClusterLogging.ending();
                member.getLifecycleService().terminate();
                MemberTasks.tearDown();
                ForkProtocol.write(protocol, new ForkMessage.Done(Probes.processCpuNanos(), Probes.peakResidentBytes(),
                        ""), null);
                return 0;
            }
            ChildLifetime.hostGone();
            return 3;
        } catch (Exception | Error e) {
            if (member != null) {
                member.getLifecycleService().terminate();
            }
            try {
                ForkProtocol.write(channel.output(), new ForkMessage.Failed(Failures.describe(e)), null);
            } catch (IOException gone) {
                // the host is gone; so are we
            }
            return 1;
        }
    }

    /**
     * A member on 127.0.0.1 only: it binds to the loopback interface (not every interface), joins
     * over TCP with the given addresses, and joins at once rather than after Hazelcast's default 5 s
     * of waiting for others (the host starts the first member alone, so it cannot meet another and
     * form a second cluster). Phone-home is off; the JVM's end is the plugin's, not a shutdown hook's.
     */
    static Config config(String clusterName, int port, String addresses) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.logging.type", ClusterLogging.TYPE);
        // One task at a time on each member, as on each pool worker: W members are W workers, whatever is submitted.
        config.getExecutorConfig(ClusterDriver.EXECUTOR).setPoolSize(1);
        config.getExecutorConfig(WATCH_EXECUTOR).setPoolSize(1);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface(HazelcastCluster.LOOPBACK);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        TcpIpConfig tcp = join.getTcpIpConfig().setEnabled(true);
        for (String address : addresses.split(",")) {
            tcp.addMember(address);
        }
        return config;
    }

    /**
     * Watches who joins the cluster: a client that does not present the driver's label, and a
     * member at none of the addresses the host gave its members, are intruders, whoever let them in.
     */
    static void watch(HazelcastInstance member, String driverLabel, List<String> addresses) {
        ClientWatch clients = new ClientWatch(driverLabel);
        member.getClientService().addClientListener(clients);
        // and those that connected while the member started, before the listener was there
        member.getClientService().getConnectedClients().forEach(clients::clientConnected);
        MemberWatch members = new MemberWatch(addresses);
        member.getCluster().addMembershipListener(members);
        member.getCluster().getMembers().forEach(members::check);
    }

    /** Clients: the driver presents its label; any other client is an intruder. */
    private record ClientWatch(String driverLabel) implements ClientListener {
        @Override
        public void clientConnected(Client client) {
            if (!client.getLabels().contains(driverLabel)) {
                MemberTasks.intruder("a " + client.getClientType() + " client from " + client.getSocketAddress()
                        + " (" + client.getName() + ")");
            }
        }

        @Override
        public void clientDisconnected(Client client) {
            // one that connected was already noted; leaving undoes nothing it could have done
        }
    }

    /** Members: only those at the addresses the host started members on. */
    private record MemberWatch(List<String> addresses) implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent event) {
            check(event.getMember());
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            // a member of the build's that dies is reported by the host, which sees its process end
        }

        void check(Member member) {
            Address address = member.getAddress();
            if (!addresses.contains(address.getHost() + ":" + address.getPort())) {
                MemberTasks.intruder("a member at " + address.getHost() + ":" + address.getPort());
            }
        }
    }

    /**
     * Reports an out-of-memory in any thread of a cluster JVM, a member or the driver, once:
     * Hazelcast's threads catch it and hand it to their handler (on a member as on a client), other
     * threads die of it. Says on the channel which JVM ran out, its heap, the thread, and what it was
     * doing (a member: the last result it made, the usual cause, since a result serialised for the
     * driver is held twice; the driver: what it waited for from which member), then ends the JVM, so
     * that the build hears of it at once rather than wait out its timeout (a member that ends is seen
     * to leave by the driver).
     */
    static final class OutOfMemoryReport extends OutOfMemoryHandler implements Thread.UncaughtExceptionHandler {
        private final OutputStream protocol;
        /** Who ran out, as the message begins: empty for a member (the host puts its label first). */
        private final String who;
        /** What the JVM was doing, as a clause that follows the heap, or empty. */
        private final Supplier<String> doing;
        private final AtomicBoolean reported = new AtomicBoolean();

        OutOfMemoryReport(OutputStream protocol, String who, Supplier<String> doing) {
            this.protocol = protocol;
            this.who = who;
            this.doing = doing;
        }

        @Override
        public void onOutOfMemory(OutOfMemoryError error, HazelcastInstance[] instances) {
            report(error);
        }

        @Override
        public boolean shouldHandle(OutOfMemoryError error) {
            return true;
        }

        /** An out-of-memory is reported; anything else is printed as the JVM's own handler prints it. */
        @Override
        public void uncaughtException(Thread thread, Throwable failure) {
            if (failure instanceof OutOfMemoryError error) {
                report(error);
                return;
            }
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            failure.printStackTrace(System.err);
        }

        /** Reports once; a second thread that ran out meanwhile waits for the first's report to end the JVM. */
        private void report(OutOfMemoryError error) {
            if (!reported.compareAndSet(false, true)) {
                waitForTheEnd();
                return;
            }
            String description = who + "ran out of memory (" + error + ") in its heap of at most "
                    + ByteSize.of(Runtime.getRuntime().maxMemory()) + ", in thread " + Thread.currentThread().getName()
                    + doing.get() + ". Give the cluster's JVMs a larger heap (-Xmx in argLine) or return less";
            try {
                ForkProtocol.write(protocol, new ForkMessage.Failed(description), null);
            } catch (IOException gone) {
                // the host is gone; the JVM ends below all the same
            }
            ChildLifetime.exit(1);
        }

        /** Whether an out-of-memory has been reported: the JVM is ending, and no other failure is news. */
        boolean reported() {
            return reported.get();
        }

        /** Waits for the report under way to end the JVM (it exits within its shutdown hooks' time). */
        static void waitForTheEnd() {
            try {
                Thread.sleep(ChildLifetime.EXIT_HOOKS_MS * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A member's last result, as the report of its out-of-memory says it. */
    private static String lastResult() {
        String last = MemberTasks.lastResult();
        return last.isEmpty() ? "" : "; the last result it made was " + last + ", which crossing to the driver is "
                + "held here twice, as the array and as its serialised bytes";
    }
}
