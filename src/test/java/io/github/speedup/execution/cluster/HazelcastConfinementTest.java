package io.github.speedup.execution.cluster;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
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
        // Their nested and anonymous classes (a lane of the driver's dispatch) run in the same JVMs.
        noClasses().that(not(belongToAnyOf(ClusterMember.class, ClusterDriver.class)))
                .should().dependOnClassesThat().resideInAPackage("com.hazelcast..")
                .check(classes);
    }
}
