package com.tradingcontrol.api.ws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hub without Jetty: fan-out, isolation, sequences and replay. */
class PushHubTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final PushHub hub = new PushHub(mapper, 3);

    private final class Recorder implements PushSink {
        final List<JsonNode> received = new ArrayList<>();

        @Override
        public void send(String json) {
            try {
                received.add(mapper.readTree(json));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        List<String> changes() {
            return received.stream().filter(m -> m.has("payload")).map(m -> m.path("payload").path("v").asText()).toList();
        }

        List<String> types() {
            return received.stream().map(m -> m.path("type").asText()).toList();
        }
    }

    private void publish(String tenant, String value) {
        JsonNode payload = mapper.createObjectNode().put("v", value);
        hub.publish(tenant == null ? ControlChangeMessage.global("c", payload) : ControlChangeMessage.forTenant(tenant, "c", payload));
    }

    @Test
    void tenantStreamsAreIsolatedAndAdminSeesEverything() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        Recorder staff = new Recorder();
        Recorder admin = new Recorder();
        hub.subscribe(StreamKey.tenant("a"), a, null);
        hub.subscribe(StreamKey.tenant("b"), b, null);
        hub.subscribe(StreamKey.tenant(null), staff, null);
        hub.subscribe(StreamKey.adminStream(), admin, null);

        publish("a", "a1");
        publish(null, "g1");
        publish("b", "b1");

        assertThat(a.changes()).containsExactly("a1", "g1");
        assertThat(b.changes()).containsExactly("g1", "b1");
        assertThat(staff.changes()).containsExactly("g1");
        assertThat(admin.changes()).containsExactly("a1", "g1", "b1");
        assertThat(a.types()).startsWith("hello", "snapshot");
        assertThat(a.received.stream().skip(2).map(m -> m.path("seq").asLong())).containsExactly(1L, 2L);
    }

    @Test
    void theStaffStreamCarriesEveryControlChangeUnredactedButNothingAdminOnly() throws Exception {
        Recorder staff = new Recorder();
        Recorder admin = new Recorder();
        hub.subscribe(StreamKey.staffStream(), staff, null);
        hub.subscribe(StreamKey.adminStream(), admin, null);

        publish("a", "a1");
        hub.publishShared(ControlChangeMessage.global("c", mapper.createObjectNode().put("v", "g-full")),
                ControlChangeMessage.global("c", mapper.createObjectNode().put("v", "g-public")));
        hub.publishToStaff(ControlChangeMessage.global("c", mapper.createObjectNode().put("v", "legacy")));
        hub.publishToAdmins(ControlChangeMessage.global("engine-status", mapper.createObjectNode().put("v", "engine")));
        publish("b", "b1");

        assertThat(staff.received.get(0).path("stream").asText()).isEqualTo("staff");
        assertThat(staff.changes()).containsExactly("a1", "g-full", "legacy", "b1");
        assertThat(staff.received.stream().skip(2).map(m -> m.path("seq").asLong())).containsExactly(1L, 2L, 3L, 4L);
        assertThat(admin.changes()).containsExactly("a1", "g-full", "legacy", "engine", "b1");
    }

    @Test
    void aLazyAdminPayloadIsBuiltOnlyWhenAClientIsSentItAndThenOnce() {
        int[] built = {0};
        hub.publishToAdmins(ControlChangeMessage.lazy("propagation", () -> {
            built[0]++;
            return mapper.createObjectNode().put("v", "p1");
        }));
        assertThat(built[0]).as("buffered for a resume, not rendered").isZero();

        Recorder admin = new Recorder();
        Recorder other = new Recorder();
        hub.subscribe(StreamKey.adminStream(), admin, new ResumeRequest(hub.epoch(), 0));
        hub.subscribe(StreamKey.adminStream(), other, new ResumeRequest(hub.epoch(), 0));

        assertThat(admin.changes()).containsExactly("p1");
        assertThat(other.changes()).containsExactly("p1");
        assertThat(built[0]).as("rendered once, for the first resume").isEqualTo(1);
    }

    @Test
    void unsubscribedSinkReceivesNothingMore() throws Exception {
        Recorder a = new Recorder();
        AutoCloseable subscription = hub.subscribe(StreamKey.tenant("a"), a, null);
        publish("a", "1");
        subscription.close();
        publish("a", "2");

        assertThat(a.changes()).containsExactly("1");
    }

    @Test
    void resumeReplaysMissedMessagesInOrder() {
        publish("a", "1");
        publish("a", "2");
        publish("a", "3");
        Recorder a = new Recorder();

        hub.subscribe(StreamKey.tenant("a"), a, new ResumeRequest(hub.epoch(), 1));
        publish("a", "4");

        assertThat(a.types().get(0)).isEqualTo("hello");
        assertThat(a.changes()).containsExactly("2", "3", "4");
    }

    @Test
    void resumeAtTheLatestSequenceReplaysNothing() {
        publish("a", "1");
        Recorder a = new Recorder();

        hub.subscribe(StreamKey.tenant("a"), a, new ResumeRequest(hub.epoch(), 1));

        assertThat(a.types()).as("a served resume needs no snapshot").containsExactly("hello");
    }

    @Test
    void evictedOrFutureOrForeignEpochSequencesGetASnapshotInstead() {
        hub.snapshotsFrom(key -> List.of(mapper.createObjectNode().put("scope", "tenant:" + key.tenantId())));
        for (int i = 1; i <= 5; i++) {
            publish("a", String.valueOf(i));
        }
        List<Recorder> clients = new ArrayList<>();
        for (ResumeRequest resume : List.of(new ResumeRequest(hub.epoch(), 1), new ResumeRequest(hub.epoch(), 99),
                new ResumeRequest("old-epoch", 4))) {
            Recorder a = new Recorder();
            hub.subscribe(StreamKey.tenant("a"), a, resume);
            assertThat(a.types()).as(resume.toString()).containsExactly("hello", "snapshot");
            JsonNode snapshot = a.received.get(1);
            assertThat(snapshot.path("seq").asLong()).isEqualTo(5);
            assertThat(snapshot.path("epoch").asText()).isEqualTo(hub.epoch());
            assertThat(snapshot.path("states").get(0).path("scope").asText()).isEqualTo("tenant:a");
            clients.add(a);
        }

        publish("a", "live");

        assertThat(clients).allSatisfy(a ->
                assertThat(a.received.get(2).path("seq").asLong()).as("deltas continue after the snapshot").isEqualTo(6));
    }

    @Test
    void aFreshClientGetsHelloThenASnapshotOfItsStream() {
        hub.snapshotsFrom(key -> List.of(mapper.createObjectNode().put("stream", key.toString())));
        publish("a", "before");
        Recorder a = new Recorder();
        Recorder admin = new Recorder();

        hub.subscribe(StreamKey.tenant("a"), a, null);
        hub.subscribe(StreamKey.adminStream(), admin, null);

        assertThat(a.types()).containsExactly("hello", "snapshot");
        assertThat(a.received.get(1).path("seq").asLong()).isEqualTo(1);
        assertThat(a.received.get(1).path("states").get(0).path("stream").asText()).isEqualTo("tenant:a");
        assertThat(admin.received.get(1).path("states").get(0).path("stream").asText()).isEqualTo("admin");
    }

    @Test
    void oldestBufferedMessageStillResumes() {
        for (int i = 1; i <= 5; i++) {
            publish("a", String.valueOf(i));
        }
        Recorder a = new Recorder();

        hub.subscribe(StreamKey.tenant("a"), a, new ResumeRequest(hub.epoch(), 2));

        assertThat(a.changes()).containsExactly("3", "4", "5");
    }
}
