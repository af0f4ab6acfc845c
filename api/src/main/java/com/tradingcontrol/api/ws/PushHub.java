package com.tradingcontrol.api.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Fans control changes out to websocket clients with tenant isolation.
 *
 * <p>Each {@link StreamKey} has its own gapless sequence (so a client can detect loss and cannot infer
 * other tenants' activity from gaps) and a bounded replay buffer. A new client gets the current
 * state it may see as one snapshot, then the changes after it. A reconnecting client passes the
 * epoch and last sequence it saw; it gets the missed messages, or — when they are no longer
 * buffered or the server restarted (new epoch) — a snapshot instead, so no client reloads over REST.
 *
 * <p>Messages: {@code {"type":"hello","stream","epoch","seq"}} on connect;
 * {@code {"type":"snapshot","epoch","seq","states":[...]}} right after it unless a resume was served
 * from the buffer (the states as of {@code seq}; a later change may repeat a state the snapshot
 * already has, so clients apply states by version); {@code {"type":<change type>,"seq","tenantId"?,"payload"}}
 * per change. Snapshots carry {@code "complete"} and {@code "skippedRecords"} (records the
 * {@link SnapshotSource} could not apply); changes carry them only once something was skipped.
 *
 * <p>A published message is rendered when a client needs it (see {@link PushStream}), so its payload
 * must not be changed after publishing.
 *
 * <p>One lock serialises publishing and subscribing: control changes are rare and sends are
 * asynchronous, and the lock is what makes "replay, then live" free of gaps and duplicates.
 */
public final class PushHub {
    /** The current states a stream may see, as the payloads its change messages carry. */
    @FunctionalInterface
    public interface SnapshotSource {
        List<JsonNode> states(StreamKey key);

        /** Records the source could not apply: its states, and so the pushes, may miss changes. */
        default long skippedRecords() {
            return 0;
        }
    }

    private final ObjectMapper mapper;
    private final int replayCapacity;
    private final String epoch = UUID.randomUUID().toString();
    private final Object lock = new Object();
    private final PushStream adminStream;
    private final PushStream staffStream;
    // Tenant streams live as long as the hub: at most replayCapacity messages per tenant that ever got one.
    private final Map<StreamKey, PushStream> streams = new HashMap<>();
    private volatile SnapshotSource snapshots = key -> List.of();

    public PushHub(ObjectMapper mapper, int replayCapacity) {
        this.mapper = mapper;
        this.replayCapacity = replayCapacity;
        this.adminStream = new PushStream(replayCapacity);
        this.staffStream = new PushStream(replayCapacity);
        streams.put(StreamKey.tenant(null), new PushStream(replayCapacity));
    }

    public String epoch() {
        return epoch;
    }

    /** Where snapshots come from (the command side's control-state view); without one they are empty. */
    public void snapshotsFrom(SnapshotSource source) {
        this.snapshots = source;
    }

    /** Safe to call from any thread, e.g. a Kafka consumer. */
    public void publish(ControlChangeMessage message) {
        synchronized (lock) {
            Rendering rendering = new Rendering(message);
            adminStream.append(rendering);
            staffStream.append(rendering);
            if (message.tenantId() == null) {
                streams.values().forEach(stream -> stream.append(rendering));
            } else {
                stream(StreamKey.tenant(message.tenantId())).append(rendering);
            }
        }
    }

    /**
     * A change for everybody whose {@code /ws/admin} and {@code /ws/trading} payloads differ (customers
     * get the public view of shared controls, see {@code PublicControlView}).
     */
    public void publishShared(ControlChangeMessage forAdmins, ControlChangeMessage forEveryone) {
        synchronized (lock) {
            Rendering staff = new Rendering(forAdmins);
            adminStream.append(staff);
            staffStream.append(staff);
            Rendering everyone = new Rendering(forEveryone);
            streams.values().forEach(stream -> stream.append(everyone));
        }
    }

    /**
     * Only staff ({@code /ws/admin} and {@code /ws/staff}) get this control change (a change whose
     * tenant is not known, e.g. a legacy strategy scope).
     */
    public void publishToStaff(ControlChangeMessage message) {
        synchronized (lock) {
            Rendering rendering = new Rendering(message);
            adminStream.append(rendering);
            staffStream.append(rendering);
        }
    }

    /** Only {@code /ws/admin} clients get this message (e.g. the engines' status). */
    public void publishToAdmins(ControlChangeMessage message) {
        synchronized (lock) {
            adminStream.append(new Rendering(message));
        }
    }

    /**
     * Attaches a sink; it first gets a hello, then the replay when a resume can be served from the
     * buffer, else a snapshot, then live messages. Under the lock, so nothing published falls between.
     */
    public AutoCloseable subscribe(StreamKey key, PushSink sink, ResumeRequest resume) {
        synchronized (lock) {
            PushStream stream = key.staff() ? staffStream : key.everything() ? adminStream : stream(key);
            sink.send(control("hello", stream.lastSeq()).put("stream", key.toString()).toString());
            if (canResume(stream, resume)) {
                stream.replayAfter(resume.lastSeq(), sink);
            } else {
                ObjectNode snapshot = control("snapshot", stream.lastSeq());
                long skipped = snapshots.skippedRecords();
                snapshot.put("complete", skipped == 0).put("skippedRecords", skipped);
                snapshot.putArray("states").addAll(snapshots.states(key));
                sink.send(snapshot.toString());
            }
            stream.attach(sink);
            return () -> {
                synchronized (lock) {
                    stream.detach(sink);
                }
            };
        }
    }

    private boolean canResume(PushStream stream, ResumeRequest resume) {
        if (resume == null) {
            return false;
        }
        boolean sameEpoch = resume.epoch() == null || resume.epoch().equals(epoch);
        return sameEpoch && stream.canReplayAfter(resume.lastSeq());
    }

    private PushStream stream(StreamKey key) {
        return streams.computeIfAbsent(key, k -> new PushStream(replayCapacity));
    }

    private ObjectNode control(String type, long seq) {
        ObjectNode node = mapper.createObjectNode();
        node.put("type", type).put("epoch", epoch).put("seq", seq);
        return node;
    }

    /**
     * One message as each stream's JSON: {@code {"type","seq","tenantId"?,"payload","complete"?,"skippedRecords"?}}.
     * The payload is serialized once, on first use, and only the sequence differs per stream: a control
     * change goes to two or more streams, and serializing its state for each was a measurable share of the
     * API's work. What it says about skipped records is fixed when the change is published, so a stream
     * that renders it later (a replay) sends what it would have sent at once.
     */
    private final class Rendering implements LongFunction<String> {
        private final ControlChangeMessage message;
        private final long skipped = snapshots.skippedRecords();
        private String head;
        private String tail;

        Rendering(ControlChangeMessage message) {
            this.message = message;
        }

        @Override
        public String apply(long seq) {
            if (head == null) {
                head = "{\"type\":" + TextNode.valueOf(message.type()) + ",\"seq\":";
                String tenant = message.tenantId() == null ? "" : ",\"tenantId\":" + TextNode.valueOf(message.tenantId());
                // Only once the view skipped something: the pushes may have missed changes since.
                String completeness = skipped > 0 ? ",\"complete\":false,\"skippedRecords\":" + skipped : "";
                tail = tenant + ",\"payload\":" + message.payload() + completeness + "}";
            }
            return head + seq + tail;
        }
    }
}
