"""Start-up cost: the plugin's worker JVM (spawn until its first task starts) against a bare
`java -cp <dir> Hello` (spawn until it prints), alternated in one run, as a ratio of medians.
The worker is started exactly as the plugin starts it, with the argument file a real run wrote."""
import os
import secrets
import socket
import subprocess
import tempfile
import time

from common import median, mvn, project, table, workload

ROUNDS = 30
hello = tempfile.mkdtemp(prefix="speedup-bench-hello-")
with open(os.path.join(hello, "Hello.java"), "w") as source:
    source.write('public class Hello { public static void main(String[] a) { System.out.println("hello"); } }')
subprocess.run(["javac", "-d", hello, os.path.join(hello, "Hello.java")], check=True)
runner = project("startup", "<workloads>%s</workloads><modes>processes</modes><workers>1</workers>"
                            "<warmupIterations>0</warmupIterations><iterations>1</iterations>"
                 % workload("nap", "sleep", 1, 1))
mvn(runner)
arguments = "@" + os.path.join(runner, "target", "speedup-fork", "java.args")


def time_to_first_line(command, marker):
    """Seconds from spawn until the child prints a line containing marker; the child is then ended."""
    start = time.monotonic()
    child = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    for line in child.stdout:
        if marker in line:
            elapsed = time.monotonic() - start
            break
    child.stdin.close()
    child.wait()
    return elapsed


def time_to_first_message(command, marker):
    """Seconds from spawn until the child sends a message containing marker on its protocol channel,
    a loopback connection it opens with the port and token given as its last two arguments."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    token = secrets.token_hex(16)
    start = time.monotonic()
    child = subprocess.Popen(command + [str(server.getsockname()[1]), token], stdin=subprocess.DEVNULL)
    connection, _ = server.accept()
    received = b""
    while marker.encode() not in received:
        received += connection.recv(4096)
    elapsed = time.monotonic() - start
    assert received.startswith((token + "\n").encode()), received
    connection.close()
    server.close()
    child.wait()
    return elapsed


bare, plugin = [], []
for _ in range(ROUNDS):
    bare.append(time_to_first_line(["java", "-cp", hello, "Hello"], "hello"))
    plugin.append(time_to_first_message(["java", arguments, "io.github.speedup.execution.fork.ForkedMain",
                                         "worker", "sleep", "sleep", "1", "0"], "STARTED"))
b, p = median(bare) * 1000, median(plugin) * 1000
table("Start-up: spawn until work starts, median of %d alternated runs" % ROUNDS,
      ["bare JVM (Hello) ms", "plugin worker JVM ms", "ratio"], [["%.1f" % b, "%.1f" % p, "%.2f×" % (p / b)]])
