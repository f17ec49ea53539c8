package io.github.speedup.execution.fork;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Hazelcast is not on Maven's class path (a provided dependency, resolved for the cluster JVMs
 * only), so only the classes that run in those JVMs' roles may touch it: a reference anywhere
 * else would fail with NoClassDefFoundError in Maven's JVM.
 */
class HazelcastConfinementTest {

    @Test
    void onlyTheMemberAndTheDriverUseHazelcast() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.github.speedup");
        noClasses().that().doNotHaveFullyQualifiedName(ClusterMember.class.getName())
                .and().doNotHaveFullyQualifiedName(ClusterDriver.class.getName())
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(classes);
    }
}
