// Runs only where the JDK named in toolchains.xml exists.
def jdk = new File('/usr/lib/jvm/temurin-25-jdk-amd64/bin/java')
if (!jdk.canExecute()) {
    println "toolchain-jdk skipped: no JDK 25 at ${jdk.parentFile.parentFile} (toolchains.xml points there)"
    return false
}
return true
