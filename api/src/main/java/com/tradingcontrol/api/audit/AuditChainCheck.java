package com.tradingcontrol.api.audit;

import com.tradingcontrol.api.reads.LogRange;
import com.tradingcontrol.api.reads.LogSource;
import com.tradingcontrol.codec.audit.AuditChainVerifier;
import com.tradingcontrol.codec.audit.AuditDecoding;
import com.tradingcontrol.codec.audit.AuditEntry;
import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.codec.audit.ChainVerification;
import com.tradingcontrol.schemas.avro.AuditRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/**
 * Verifies the audit hash chains in {@code trading.audit}, the log itself rather than the projected
 * {@code audit-events} documents: the topic is kept forever and is what the processors sealed, while
 * the documents expire after 90 days (so old chains would look truncated) and are a copy.
 *
 * <p>Each partition is one chain ({@code chain-<p>}). Without {@code from} a chain is walked from
 * genesis. With {@code from} the walk starts at the partition's first record whose Kafka timestamp is
 * at or after {@code from} minus a margin, anchored on the predecessor hash and sequence that record
 * names: its own hash covers those fields, so a forged anchor is still caught at that record. Records
 * whose {@code occurredAt} is after {@code to} end that chain's walk. The read is bounded by the end
 * offsets at request time.
 */
public final class AuditChainCheck {

    /** Kafka timestamps of audit records come from the command's produce time, a little before occurredAt. */
    static final Duration TIMESTAMP_MARGIN = Duration.ofMinutes(5);

    public record Broken(String chainId, long chainSequence, String kind, String detail) {}

    public record ChainResult(String chainId, long checked, boolean ok) {}

    public record Result(boolean ok, long checked, Broken firstBroken, List<ChainResult> chains) {}

    private final LogSource log;

    public AuditChainCheck(LogSource log) {
        this.log = log;
    }

    public Result verify(Instant from, Instant to) {
        AuditDecoding decoder = log.auditDecoding();
        try (Consumer<String, byte[]> consumer = log.consumer("audit-verify")) {
            List<TopicPartition> partitions = log.assignAll(consumer, log.auditTopic());
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, log.timeout());
            Map<TopicPartition, Long> start = startOffsets(consumer, partitions, end, from);
            Map<Integer, ChainWalk> walks = new TreeMap<>();
            partitions.forEach(tp -> walks.put(tp.partition(), new ChainWalk(ChainHead.chainIdFor(tp.partition()), from == null)));
            LogRange.read(consumer, start, end, log.timeout(), record -> {
                walks.get(record.partition()).accept(record, decoder, to);
                return true;
            });
            return result(walks.values().stream().toList());
        }
    }

    private Map<TopicPartition, Long> startOffsets(Consumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                                   Map<TopicPartition, Long> end, Instant from) {
        Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, log.timeout());
        if (from == null) {
            return begin;
        }
        Map<TopicPartition, Long> query = new HashMap<>();
        long at = Math.max(0, from.minus(TIMESTAMP_MARGIN).toEpochMilli());
        partitions.forEach(tp -> query.put(tp, at));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, log.timeout());
        Map<TopicPartition, Long> start = new HashMap<>();
        partitions.forEach(tp -> {
            OffsetAndTimestamp hit = found.get(tp);
            start.put(tp, hit == null ? end.get(tp) : hit.offset());
        });
        return start;
    }

    private static Result result(List<ChainWalk> walks) {
        long checked = walks.stream().mapToLong(ChainWalk::checked).sum();
        // Walks come in partition order, so "first" is the broken link of the lowest-numbered chain.
        Broken first = walks.stream().map(ChainWalk::broken).filter(b -> b != null).findFirst().orElse(null);
        List<ChainResult> chains = walks.stream().map(w -> new ChainResult(w.chainId(), w.checked(), w.broken() == null)).toList();
        return new Result(first == null, checked, first, chains);
    }

    /** The walk of one chain, fed record by record so a long chain is never held in memory. */
    private static final class ChainWalk {
        private final String chainId;
        private ChainHead head;
        private long checked;
        private Broken broken;
        private boolean finished;

        ChainWalk(String chainId, boolean fromGenesis) {
            this.chainId = chainId;
            this.head = fromGenesis ? ChainHead.genesis(chainId) : null;
        }

        void accept(ConsumerRecord<String, byte[]> raw, AuditDecoding decoder, Instant to) {
            if (finished) {
                return;
            }
            AuditEntry entry;
            try {
                entry = decoder.decode(raw.topic(), raw.offset(), raw.value());
            } catch (RuntimeException undecodable) {
                fail(new Broken(chainId, head == null ? -1 : head.sequence() + 1, "UNREADABLE",
                        "record at offset " + raw.offset() + " cannot be decoded: " + undecodable.getMessage()));
                return;
            }
            AuditRecord record = entry.record();
            if (to != null && record.getOccurredAt().isAfter(to)) {
                finished = true;
                return;
            }
            if (head == null) {
                head = new ChainHead(chainId, Math.max(0, record.getChainSequence() - 1), record.getPrevHash());
            }
            ChainVerification verdict = AuditChainVerifier.verifyFrom(head, List.of(entry));
            if (verdict instanceof ChainVerification.Broken b) {
                fail(new Broken(chainId, b.chainSequence(), b.kind().name(), b.describe()));
                return;
            }
            head = ((ChainVerification.Intact) verdict).head();
            checked++;
        }

        private void fail(Broken firstBroken) {
            broken = firstBroken;
            finished = true;
        }

        String chainId() {
            return chainId;
        }

        long checked() {
            return checked;
        }

        Broken broken() {
            return broken;
        }
    }
}
