package io.github.speedup.execution.fork;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.TcpIpConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.github.speedup.measure.Probes;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.Tasks;
import io.github.speedup.workload.WorkloadSpec;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A Hazelcast member of the cluster mode ({@code member} {@value #ARGUMENTS}): checks that the
 * workload resolves here (its classes must be on every member's class path, as on a real cluster),
 * starts a member bound to 127.0.0.1 on the given port, joined over TCP to the given addresses
 * (no multicast, no auto-detection), under the build's cluster name, and says STARTED once it has
 * joined. From then on the cluster's executor service hands it tasks ({@link ClusterTask},
 * {@link ClusterPrepare}); on its channel it only waits for EXIT, when it ends its member and says
 * DONE with its CPU time and peak memory. A channel that closes without EXIT means the host is gone:
 * the JVM then ends at once, with every process it started.
 */
final class ClusterMember {

    static final String ARGUMENTS = "<clusterName> <port> <host:port,...> <type> <target> <size> <payloadBytes>";

    private ClusterMember() {
    }

    static int serve(String[] args, ChildChannel channel) {
        HazelcastInstance member = null;
        try {
            if (args.length != 8) {
                throw new IllegalArgumentException("expected: member " + ARGUMENTS);
            }
            TaskSource source = TaskSource.of(args[4], args[5]);
            Tasks.check(new WorkloadSpec("cluster", source, 1, Integer.parseInt(args[6]), Integer.parseInt(args[7])),
                    Thread.currentThread().getContextClassLoader());
            ClusterLogging.quiet();
            member = Hazelcast.newHazelcastInstance(config(args[1], Integer.parseInt(args[2]), args[3]));
            OutputStream protocol = channel.output();
            ForkProtocol.write(protocol, new ForkMessage.Started(), null);
            ForkedMain.HostWatchdog.watch();
            BoundedLineReader in = new BoundedLineReader(channel.input(), ChildJvm.PROTOCOL_LINE_LIMIT);
            ForkProtocol.Framed next;
            while ((next = ForkProtocol.read(in)) != null) {
                if (!(next.message() instanceof ForkMessage.Exit)) {
                    throw new IllegalStateException("a cluster member takes EXIT only, not " + next.message().encode());
                }
                ClusterLogging.ending();
                member.getLifecycleService().terminate();
                MemberTasks.tearDown();
                ForkProtocol.write(protocol, new ForkMessage.Done(Probes.processCpuNanos(), Probes.peakResidentBytes(),
                        ""), null);
                return 0;
            }
            ForkedMain.hostGone();
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
}
