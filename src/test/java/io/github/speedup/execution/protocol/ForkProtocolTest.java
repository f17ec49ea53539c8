package io.github.speedup.execution.protocol;

import io.github.speedup.execution.Mode;
import io.github.speedup.execution.breakdown.Breakdown;
import io.github.speedup.execution.breakdown.BreakdownLinesTest;
import io.github.speedup.measure.ClusterMembers;
import io.github.speedup.measure.JvmInfo;
import io.github.speedup.measure.Sample;
import io.github.speedup.workload.Kind;
import io.github.speedup.workload.TaskSource;
import io.github.speedup.workload.WorkloadSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkProtocolTest {

    /** Text that would break a naive line protocol: separators, line breaks, escapes, non-ASCII, nothing. */
    private static final List<String> AWKWARD = List.of("", "plain", "tab\there", "line\nbreak", "cr\r\nlf",
            "back\\slash", "\\t is not a tab", "trailing\\", "ünïcödé ✓ 速度", "#speedup#\tHELLO\tfake", "\t\n\\");

    private static ForkMessage roundTrip(ForkMessage message) throws Exception {
        String line = message.encode();
        assertFalse(line.contains("\n") || line.contains("\r"), "one message, one line: " + line);
        assertTrue(ForkProtocol.isProtocolLine(line), line);
        return ForkProtocol.decode(line);
    }

    @Test
    void everyMessageReadsBackAsWritten() throws Exception {
        WorkloadSpec user = new WorkloadSpec("w", new TaskSource.UserMethod("com.acme.Bench", "run"), 4, 0);
        List<ForkMessage> messages = List.of(
                new ForkMessage.Hello(new JvmInfo("25.0.1", "Eclipse Adoptium", "OpenJDK 64-Bit Server VM", "/jdk", 25)),
                new ForkMessage.DefineWorkload(new WorkloadSpec("cpu", Kind.CPU, 2, 100)),
                new ForkMessage.DefineWorkload(user),
                new ForkMessage.DefineWorkload(user.withPayload(64).withBatch(200)),
                new ForkMessage.Defined(),
                new ForkMessage.RunIteration("cpu", Mode.VIRTUAL, 4),
                new ForkMessage.RunIteration("cpu", Mode.POOL, 2),
                new ForkMessage.Diagnose("cpu", Mode.VIRTUAL, 4, ""),
                new ForkMessage.Diagnose("w\tx", Mode.THREADS, 2, "/tmp/a b/cpu-threads-2.jfr"),
                new ForkMessage.DiagnoseShare(9, 1, 2, "/work/a b/cpu-pool-x2.jfr.worker2"),
                new ForkMessage.DiagnoseShare(3, 0, 1, ""),
                new ForkMessage.SetUpRecorder(),
                new ForkMessage.RecorderSetUp(743_000_000L),
                new ForkMessage.Diagnosed(BreakdownLinesTest.sample()),
                new ForkMessage.Diagnosed(new Breakdown.Unavailable("the flight recorder is not available\tin\nthis JVM")),
                new ForkMessage.IterationSample(new Sample(123_456_789L, 98_765_432L, 1L << 40, Sample.NO_STARTUP, 0)),
                new ForkMessage.Failed("task 0 threw java.lang.IllegalStateException: bad\n    at com.acme.T.run(T.java:3)"),
                new ForkMessage.Exit(),
                new ForkMessage.ExitCalled("at com.acme.Exits.run(Exits.java:8) <- com.acme.Main.main(Main.java:1)"),
                new ForkMessage.ExitCalled(""),
                new ForkMessage.Started(),
                new ForkMessage.Done(Long.MAX_VALUE, 0, ""),
                new ForkMessage.Done(1, 2, "java.lang.Thread"),
                new ForkMessage.RunTask(7),
                new ForkMessage.TaskDone(7, 12_345_678L, 0L, 12_300_000L, 0L, ""),
                new ForkMessage.Ready(200_000_000L), new ForkMessage.Go(), new ForkMessage.Prepare(4),
                new ForkMessage.TaskDone(8, 1L, 3L, -1L, -1L, "com.acme.Unserialisable"),
                new ForkMessage.Frame(0),
                new ForkMessage.Frame(1 << 20),
                new ForkMessage.Connected(new ClusterMembers(List.of(2, 16, 64), "5.6.0, 5.7.0", "17.0.15, 21.0.4")),
                new ForkMessage.ClusterSample(9_000_000L, 4_100_000L, 0, 8000, "com.acme.Unsendable"),
                new ForkMessage.ClusterKeys("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "00112233445566778899aabbccddeeff"),
                new ForkMessage.ClusterKeys("perf", ""));
        for (ForkMessage message : messages) {
            assertEquals(message, roundTrip(message));
        }
    }

    @Test
    void theClusterKeysAreNeverRepeatedByAMessage() {
        ForkMessage.ClusterKeys keys = new ForkMessage.ClusterKeys("0f1e2d3c4b5a69788796a5b4c3d2e1f0", "label");
        assertEquals("ClusterKeys[not shown]", keys.toString());
    }

    @Test
    void textFieldsSurviveSeparatorsLineBreaksAndNonAscii() throws Exception {
        for (String text : AWKWARD) {
            assertEquals(new ForkMessage.Failed(text), roundTrip(new ForkMessage.Failed(text)));
            assertEquals(new ForkMessage.ExitCalled(text), roundTrip(new ForkMessage.ExitCalled(text)));
            ForkMessage.DefineWorkload define = new ForkMessage.DefineWorkload(
                    new WorkloadSpec(text, new TaskSource.UserClass("com.acme.T"), 1, 0));
            assertEquals(define, roundTrip(define));
            ForkMessage.Hello hello = new ForkMessage.Hello(new JvmInfo(text, text, text, text, 17));
            assertEquals(hello, roundTrip(hello));
        }
    }

    private static String refusal(String line) {
        return assertThrows(ForkProtocol.MalformedMessageException.class, () -> ForkProtocol.decode(line)).getMessage();
    }

    @Test
    void aLineThatIsNotACompleteKnownMessageIsRefusedWithTheReason() {
        assertEquals("not a protocol line", refusal("hello"));
        assertEquals("unknown message type \"NOPE\"", refusal("#speedup#\tNOPE"));
        assertEquals("DONE has 1 fields, more expected", refusal("#speedup#\tDONE\t5"));
        assertEquals("DONE has 4 fields, 3 expected", refusal("#speedup#\tDONE\t5\t6\t\t7"));
        assertEquals("FRAME has a negative length -1", refusal("#speedup#\tFRAME\t-1"));
        assertEquals("SAMPLE has 'x' where a whole number belongs", refusal("#speedup#\tSAMPLE\t1\tx\t3\t4"));
        assertEquals("RUN has an unknown mode fibers", refusal("#speedup#\tRUN\tw\tfibers\t2"));
        assertEquals("CONNECTED has 'x' where a member's core count belongs",
                refusal("#speedup#\tCONNECTED\t2 x\t5.7.0\t17"));
    }

    @Test
    void aBrokenLineIsShownVisiblyEscapedAndCut() {
        assertEquals("\"progress 50%\\rprogress 100% (3)#speedup#\\tSTARTED\"",
                ForkProtocol.visible("progress 50%\rprogress 100% (3)#speedup#\tSTARTED"));
        assertEquals("\"\\u001b[31mred\\u001b[0m \\u0000 \\\"q\\\" back\\\\slash \\n\"",
                ForkProtocol.visible("\u001b[31mred\u001b[0m \u0000 \"q\" back\\slash \n"));
        assertEquals("\"zero\\u200bwidth \\u202eright-to-left, lone \\ud800, pair \ud83d\ude00 and \u00fcml\u00e4ut\"",
                ForkProtocol.visible("zero\u200bwidth \u202eright-to-left, lone \ud800, pair \ud83d\ude00 and \u00fcml\u00e4ut"));
        String longLine = "x".repeat(ForkProtocol.VISIBLE_CHARACTERS + 50);
        assertEquals("\"" + "x".repeat(ForkProtocol.VISIBLE_CHARACTERS) + "\" and 50 more characters",
                ForkProtocol.visible(longLine));
        assertEquals("\"\"", ForkProtocol.visible(""));
    }

    /** Whatever a line holds, what is shown of it has no control character and no more than the limit's worth. */
    @Test
    void everyCharacterOfABrokenLineIsShownPrintably() {
        StringBuilder everyChar = new StringBuilder();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c += c < 0x30000 ? 1 : 0x101) {
            everyChar.appendCodePoint(c);
        }
        everyChar.append("\udc00\ud800 lone surrogates, the wrong way round \ud800");
        for (int from = 0; from < everyChar.length(); from += ForkProtocol.VISIBLE_CHARACTERS) {
            String shown = ForkProtocol.visible(everyChar.substring(from,
                    Math.min(everyChar.length(), from + ForkProtocol.VISIBLE_CHARACTERS)));
            shown.codePoints().forEach(c -> assertFalse(Character.isISOControl(c)
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.UNASSIGNED
                    || Character.getType(c) == Character.SURROGATE || Character.getType(c) == Character.PRIVATE_USE,
                    "U+" + Integer.toHexString(c) + " shown as is in " + shown));
        }
    }

    @Test
    void otherOutputOfTheChildIsNotTakenForTheProtocol() {
        assertFalse(ForkProtocol.isProtocolLine("[0.012s][info][gc] Using G1"));
        assertFalse(ForkProtocol.isProtocolLine("#speedup#HELLO"), "the prefix is followed by a tab");
        assertTrue(ForkProtocol.isProtocolLine(new ForkMessage.Started().encode()));
    }
}
