package io.github.speedup.execution.cluster;

import io.github.speedup.execution.fork.ForkedMain;
import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.core.HazelcastInstance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another local user, as {@code HazelcastClusterTest} runs it with {@code setpriv}: reads what it can
 * of the cluster's processes and files, then tries to run a task on the cluster as a plain Hazelcast
 * client, under the default name and every name it could guess from what it read. Arguments:
 * {@code <member address> <work directory> <pid>...}. It prints one line per thing tried.
 */
public final class Intruder {

    private Intruder() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> names = new LinkedHashSet<>(List.of("dev"));
        for (int i = 2; i < args.length; i++) {
            names.addAll(roleArguments(Long.parseLong(args[i])));
        }
        try (Stream<Path> files = Files.walk(Path.of(args[1]))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                System.out.println("file " + file + ": " + read(file));
            }
        }
        // All at once: each refused client waits out its connection timeout (2 s), which four at a time
        // waited several times over for the names the command lines give.
        ExecutorService tries = Executors.newFixedThreadPool(names.size());
        Map<String, Future<String>> answers = new LinkedHashMap<>();
        for (String name : names) {
            answers.put(name, tries.submit(() -> runTask(args[0], name)));
        }
        for (Map.Entry<String, Future<String>> answer : answers.entrySet()) {
            System.out.println("name " + answer.getKey() + ": " + answer.getValue().get());
        }
        tries.shutdown();
    }

    /** What the process's command line holds after the main class, where the cluster's name used to be. */
    private static List<String> roleArguments(long pid) {
        List<String> found = new ArrayList<>();
        String commandLine = read(Path.of("/proc/" + pid + "/cmdline"));
        System.out.println("cmdline " + pid + ": " + commandLine);
        System.out.println("environ " + pid + ": " + (read(Path.of("/proc/" + pid + "/environ")).startsWith("denied")
                ? "denied" : "read"));
        List<String> arguments = List.of(commandLine.split("\0"));
        int main = arguments.indexOf(ForkedMain.class.getName());
        for (int i = main + 1; main >= 0 && i < arguments.size(); i++) {
            found.add(arguments.get(i));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "denied (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A plain client under {@code name}: what the cluster said, or the answer of a task it ran there. */
    private static String runTask(String address, String name) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        config.setProperty("hazelcast.logging.type", "none");
        config.getNetworkConfig().addAddress(address);
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(2_000);
        HazelcastInstance client;
        try {
            client = HazelcastClient.newHazelcastClient(config);
        } catch (RuntimeException e) {
            return "refused (" + e.getClass().getSimpleName() + ")";
        }
        try {
            return "ran a task: " + client.getExecutorService(ClusterDriver.EXECUTOR).submit(new MemberFacts())
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "connected, task refused (" + e + ")";
        } finally {
            client.shutdown();
        }
    }
}
