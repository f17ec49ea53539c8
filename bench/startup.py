"""Start-up cost: the plugin's worker JVM (spawn until its first task starts) against a bare
`java -cp <dir> Hello` (spawn until it prints), alternated in one run, as a ratio of medians.
The worker is started exactly as the plugin starts it, with the argument file a real run wrote,
on each of its two protocol channels: descriptors handed over by /bin/sh (POSIX) and a loopback
connection (Windows)."""
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


# What the plugin does on a POSIX host: /bin/sh moves the pipes to descriptors 3 and 4 and runs the
# JVM in its place (DescriptorChannel).
HAND_OVER = 'exec "$@" 3<&0 4>&1 </dev/null >&2'


def time_to_started_on_descriptors(command, marker):
    """Seconds from spawn until the child sends a message containing marker on descriptor 4."""
    start = time.monotonic()
    child = subprocess.Popen(["/bin/sh", "-c", HAND_OVER, "sh"] + command + ["fds", "-"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)
    for line in child.stdout:
        if marker.encode() in line:
            elapsed = time.monotonic() - start
            break
    child.stdin.close()
    child.wait()
    return elapsed


def time_to_started_on_loopback(command, marker):
    """Seconds from spawn until the child sends a message containing marker on its protocol channel,
    a loopback connection it opens with the port and token given as its last two arguments: what
    the plugin does where no POSIX shell is (Windows)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    token = secrets.token_hex(16)
    start = time.monotonic()
    child = subprocess.Popen(command + ["tcp:%d" % server.getsockname()[1], token], stdin=subprocess.DEVNULL)
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


worker = ["java", arguments, "io.github.speedup.execution.fork.ForkedMain", "worker", "sleep", "sleep", "1", "1", "0"]
bare, descriptors, loopback = [], [], []
for _ in range(ROUNDS):
    bare.append(time_to_first_line(["java", "-cp", hello, "Hello"], "hello"))
    descriptors.append(time_to_started_on_descriptors(worker, "READY"))
    loopback.append(time_to_started_on_loopback(worker, "READY"))
b, d, l = (median(v) * 1000 for v in (bare, descriptors, loopback))
table("Start-up: spawn until work starts, median of %d alternated runs" % ROUNDS,
      ["bare JVM (Hello) ms", "plugin worker JVM ms (descriptor channel, POSIX)", "ratio",
       "on a loopback channel (Windows) ms", "ratio"],
      [["%.1f" % b, "%.1f" % d, "%.2f×" % (d / b), "%.1f" % l, "%.2f×" % (l / b)]])
