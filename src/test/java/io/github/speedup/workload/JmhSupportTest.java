package io.github.speedup.workload;

import com.example.workloads.JmhStates;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A JMH class runs as JMH runs it: every {@code @Param} set, every fixture level where JMH calls it. */
class JmhSupportTest {

    private static final String STATES = "com.example.workloads.JmhStates$";

    private static TaskSource source(String benchmark) {
        return TaskSource.UserMethod.parse(STATES + benchmark);
    }

    private static WorkloadSpec spec(String benchmark, int batch) {
        return new WorkloadSpec("w", source(benchmark), 2, 0).withBatch(batch);
    }

    private static String refusal(String benchmark) {
        return assertThrows(WorkloadDefinitionException.class,
                () -> Tasks.check(spec(benchmark, 1), JmhSupportTest.class.getClassLoader())).getMessage();
    }

    @Test
    void paramsOfEveryAccessAndTypeTakeTheirFirstValueInheritedOnesToo() throws Exception {
        Task task = Tasks.task(source("Sized#values"), 0, 0);
        task.run();
        assertEquals("1000 7 abc CIRCLE | -8 300 2.5 -1000.0 x true false 9000000000 42 SQUARE", task.result(),
                "private (inherited), protected and package fields; a blank enum takes its first constant");
    }

    @Test
    void everyLevelRunsWhereJmhCallsItSetUpBeforeTheCallTornDownAfter() throws Exception {
        JmhStates.CALLS.clear();
        Task task = Tasks.task(source("Levels#run"), 0, 0);
        assertEquals(List.of("bench trial set-up", "state trial set-up", "bench iteration set-up",
                "state iteration set-up", "bench invocation set-up"), JmhStates.CALLS,
                "level by level, the benchmark's own state first, an inherited set-up included; all before the clock");
        task.run();
        Tasks.tearDown(List.of(task));
        assertEquals(List.of("bench trial set-up", "state trial set-up", "bench iteration set-up",
                "state iteration set-up", "bench invocation set-up", "run", "bench invocation tear-down",
                "bench iteration tear-down", "state trial tear-down", "bench trial tear-down"), JmhStates.CALLS,
                "tear-downs after the clock, deepest level first, states in the reverse order");
    }

    @Test
    void aBatchCallsTheSameStateSetUpOncePerIteration() throws Exception {
        Task task = Tasks.batched(Tasks.task(source("PerIteration#call"), 0, 0), 3);
        task.run();
        assertEquals(301, task.result(), "three calls on one state, its iteration set-up once");
    }

    @Test
    void aFixtureAtEveryCallKeepsTheTasksUnbatched() throws Exception {
        ClassLoader loader = JmhSupportTest.class.getClassLoader();
        String why = " cannot run 4 times per task and iteration: its @Setup(Level.Invocation) "
                + "com.example.workloads.JmhStates$Levels.invocation runs at every call, outside the call's time, "
                + "which 4 calls timed together cannot do: allowed, batchSize 1 or 0 (automatic, which runs such a "
                + "workload once per task and iteration)";
        assertEquals(STATES + "Levels#run" + why, assertThrows(WorkloadDefinitionException.class,
                () -> Tasks.check(spec("Levels#run", 4), loader)).getMessage());
        assertEquals(spec("Levels#run", 1), Tasks.check(spec("Levels#run", WorkloadSpec.AUTOMATIC), loader),
                "an automatic batch is settled at 1 before any timing");
        assertEquals(spec("Levels#run", 1), Tasks.check(spec("Levels#run", 1), loader));
        assertEquals(spec("PerIteration#call", WorkloadSpec.AUTOMATIC),
                Tasks.check(spec("PerIteration#call", WorkloadSpec.AUTOMATIC), loader), "others stay automatic");
        Task made = Tasks.task(source("Levels#run"), 0, 0);
        assertEquals(STATES + "Levels#run" + why, assertThrows(WorkloadDefinitionException.class,
                () -> Tasks.batched(made, 4)).getMessage(), "a worker refuses it too (another version's classes)");
    }

    /** What a workload says of a {@code @Param} that lists no values: there is no first one to take. */
    private static final String NO_VALUES = "lists no values, and a workload takes the first value its @Param lists "
            + "(there is no JMH -p here to give one): allowed, @Param({\"<value>\"}) with ";

    private static void assertRefused(String field, String why, String benchmark) {
        assertEquals("the @Param field " + STATES + field + " " + why, refusal(benchmark));
    }

    @Test
    void aParamThatCannotBeSetFailsNamingFieldValueAndWhatIsAllowed() {
        assertRefused("FinalParam.size", "is final, so its value cannot be set (JMH refuses it too): allowed, a "
                + "non-final field of a primitive type, its box, String or an enum", "FinalParam#run");
        assertRefused("NoValue.size", NO_VALUES + "an int, as Integer.valueOf reads it", "NoValue#run");
        assertRefused("EmptyValues.name", NO_VALUES + "any text", "EmptyValues#run");
        assertRefused("NotAnInt.size", "cannot take the value 'ten' its @Param lists: allowed, an int, as "
                + "Integer.valueOf reads it", "NotAnInt#run");
        assertRefused("NotABoolean.on", "cannot take the value 'yes' its @Param lists: allowed, true or false",
                "NotABoolean#run");
        assertRefused("NotAChar.letter", "cannot take the value 'ab' its @Param lists: allowed, exactly one "
                + "character", "NotAChar#run");
        assertRefused("NotAShape.shape", "cannot take the value 'HEXAGON' its @Param lists: allowed, one of the "
                + "constants of com.example.workloads.JmhStates$Shape: CIRCLE, SQUARE", "NotAShape#run");
        assertRefused("Listed.names", "is of type java.util.List, which no @Param value converts to: allowed, a "
                + "field of a primitive type, its box, String or an enum", "ListParam#run");
    }

    @Test
    void aWorkerMakingTheTaskRefusesItTooAndNeverRunsOnADefault() {
        assertEquals("the @Param field com.example.workloads.JmhStates$NotAnInt.size cannot take the value 'ten' its "
                + "@Param lists: allowed, an int, as Integer.valueOf reads it", assertThrows(
                WorkloadDefinitionException.class, () -> Tasks.task(source("NotAnInt#run"), 0, 0)).getMessage());
    }

    @Test
    void aStaticBenchmarksClassIsMadeAndSetUpAsJmhDoes() throws Exception {
        Task task = Tasks.task(source("StaticData#length"), 0, 0);
        task.run();
        assertEquals(5, task.result(), "the class's @Param set and its @Setup run on an instance of it");
    }

    @Test
    void aFixtureJmhWouldRefuseIsRefusedByName() {
        assertEquals("the JMH fixture method com.example.workloads.JmhStates$FixtureWithParameters.setUp takes "
                + "parameters (Blackhole), which only JMH's own harness can supply: allowed, a public method without "
                + "parameters", refusal("FixtureWithParameters#run"));
        assertEquals("the JMH fixture method com.example.workloads.JmhStates$HiddenFixture.setUp is not public, "
                + "which JMH refuses too: allowed, a public method without parameters", refusal("HiddenFixture#run"));
    }
}
