package com.tradingcontrol.local.hygiene;

import java.util.Map;
import java.util.TreeMap;

/**
 * The test sources allowed to sleep, with how many sleeps each has and why. A sleep is fine only when it
 * paces something (a load generator, a slow client) or spaces the polls of a loop that waits for a positive
 * condition with a deadline. A fixed sleep followed by an assertion, above all one of absence, is not:
 * wait for the condition instead, or prove absence with a barrier (a later marker that is seen, after
 * which the earlier thing cannot arrive any more).
 */
final class SleepAllowList {

    record Allowed(int sleeps, String reason) {
    }

    static final Map<String, Allowed> ENTRIES = new TreeMap<>(Map.ofEntries(
            entry("api/src/test/java/com/tradingcontrol/api/ApiMainAdminIT.java", 1,
                    "polls the rebuild status until it leaves RUNNING, with a 90 s deadline"),
            entry("api/src/test/java/com/tradingcontrol/api/admin/RebuildJobsTest.java", 2,
                    "a fake rebuild that stays running (interrupted at the end) and a status poll with a 10 s deadline"),
            entry("api/src/test/java/com/tradingcontrol/api/support/Await.java", 1,
                    "the api tests' polling helper: a condition another thread makes true, with a deadline"),
            entry("api/src/test/java/com/tradingcontrol/api/wiring/ConsumerGroupReadinessIT.java", 1,
                    "polls the readiness check until it shows the wanted state, with a deadline"),
            entry("api/src/test/java/com/tradingcontrol/api/commands/BrokerOutageIT.java", 1,
                    "retryUntilNot503 paces retries while the broker comes back, 45 s deadline"),
            entry("api/src/test/java/com/tradingcontrol/api/commands/CommandWaitsIT.java", 2,
                    "await() polls a condition with a 20 s deadline; aTrickledBodyIsCut paces a slow client (1 B / 300 ms)"),
            entry("local/src/test/java/com/tradingcontrol/api/commands/CommandsIT.java", 1,
                    "pollUntilDecided polls the command status until decided, 10 s deadline"),
            entry("local/src/test/java/com/tradingcontrol/api/engines/EnginesIT.java", 1,
                    "await() spaces the polls of a condition (signals on the topic, propagation, engine list), 20 s deadline"),
            entry("api/src/test/java/com/tradingcontrol/api/state/StateAsOfIT.java", 1,
                    "awaitCaughtUp polls the index against the log's end offsets, 30 s deadline"),
            entry("api/src/test/java/com/tradingcontrol/api/ws/WebSocketIT.java", 1,
                    "awaitLogLines polls the request log until both lines are there, 5 s deadline (absence is then checked in them)"),
            entry("api/src/test/java/com/tradingcontrol/api/ws/WebSocketLimitsIT.java", 1,
                    "connectWithin retries the handshake until the server frees a slot, with a deadline"),
            entry("embedded-kafka/src/test/java/com/tradingcontrol/kafka/embedded/EmbeddedKafkaLifecycleIT.java", 2,
                    "lets segment.ms (100 ms) elapse so the next append rolls the segment, time itself being the"
                            + " precondition; awaitCompaction polls with a deadline"),
            entry("embedded-kafka/src/test/java/com/tradingcontrol/kafka/embedded/KafkaTestClients.java", 1,
                    "awaitRecords polls a topic until enough records, with a deadline"),
            entry("local/src/test/java/com/tradingcontrol/local/ApiProbes.java", 1,
                    "spaces the retries of one probe (same Idempotency-Key) until it is decided, within the probe's deadline"),
            entry("local/src/test/java/com/tradingcontrol/local/Deadline.java", 1,
                    "the fault test's polling helper: a condition with a deadline"),
            entry("local/src/test/java/com/tradingcontrol/local/e2e/LauncherProcess.java", 1,
                    "awaitReady polls the launcher's output for READY, with a deadline, failing early if it exits"),
            entry("local/src/test/java/com/tradingcontrol/local/e2e/WsRecorder.java", 1,
                    "await polls the recorded messages for a match, with a deadline"),
            entry("projections/src/test/java/com/tradingcontrol/projections/testing/ProjectorFixture.java", 1,
                    "await() is the module's polling helper: a condition with a deadline"),
            entry("schemas/src/test/java/com/tradingcontrol/schemas/registry/ApicurioServer.java", 1,
                    "probes the registry's HTTP port until it answers, with a startup deadline"),
            entry("schemas/src/test/java/com/tradingcontrol/schemas/topics/TopicCreatorIT.java", 1,
                    "awaitPartitions polls the broker's metadata until the new partitions show, with a deadline"),
            entry("stream-processors/src/test/java/com/tradingcontrol/processors/service/CommandLoad.java", 1,
                    "load generator: pauses every 50 commands to pace the load"),
            entry("stream-processors/src/test/java/com/tradingcontrol/processors/service/ControlPlaneInvariants.java", 1,
                    "awaitNoTimedPausePending polls the state topic until no expiry is pending, 30 s deadline"),
            entry("stream-processors/src/test/java/com/tradingcontrol/processors/service/ProcessorHealthIT.java", 1,
                    "polls the health endpoint until it answers the wanted status, with a 60 s deadline"),
            entry("stream-processors/src/test/java/com/tradingcontrol/processors/service/ProcessorTakeoverIT.java", 2,
                    "waits until the load sent 1000 commands (bounded by the class @Timeout) and awaitBothOwnTasks"
                            + " polls with a deadline")));

    private SleepAllowList() {
    }

    private static Map.Entry<String, Allowed> entry(String path, int sleeps, String reason) {
        return Map.entry(path, new Allowed(sleeps, reason));
    }
}
