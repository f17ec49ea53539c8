// Two busy loops, one a core, that end by themselves after 20 s: other work competing with the
// first iterations. Their pids go into a file, so verify.groovy can check that they are gone.
def pids = []
2.times {
    def loop = new ProcessBuilder('timeout', '20', 'sh', '-c', 'while :; do :; done').start()
    pids << loop.pid()
}
new File(basedir, 'busy-loops.pids').text = pids.join('\n')
return true
