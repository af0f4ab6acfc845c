package com.tradingcontrol.codec.audit;

import com.tradingcontrol.schemas.avro.AuditRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the records of one chain in log order and reports the first broken link. Each record is
 * checked for (1) belonging to the chain, (2) its own integrity (stored hash equals the recomputed
 * hash: otherwise ALTERED), and (3) its link to the predecessor (sequence is the next one and
 * prevHash is the predecessor's hash: otherwise MISSING_OR_REORDERED). A record altered and then
 * re-hashed passes (2) but breaks (3) at its successor, so tampering is still found.
 */
public final class AuditChainVerifier {

    private AuditChainVerifier() {
    }

    /** Verifies a whole chain from its first record. */
    public static ChainVerification verify(String chainId, Iterable<AuditEntry> entries) {
        return verifyFrom(ChainHead.genesis(chainId), entries);
    }

    /** Verifies records that continue a chain from a known head (e.g. a checkpoint). */
    public static ChainVerification verifyFrom(ChainHead start, Iterable<AuditEntry> entries) {
        ChainHead head = start;
        long count = 0;
        for (AuditEntry entry : entries) {
            ChainVerification.Broken broken = check(head, entry);
            if (broken != null) {
                return broken;
            }
            AuditRecord record = entry.record();
            head = new ChainHead(head.chainId(), record.getChainSequence(), record.getHash());
            count++;
        }
        return new ChainVerification.Intact(start.chainId(), count, head);
    }

    /** Convenience for records not read from Kafka: their index serves as the offset. */
    public static ChainVerification verifyRecords(String chainId, List<AuditRecord> records) {
        List<AuditEntry> entries = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            entries.add(new AuditEntry(i, records.get(i)));
        }
        return verify(chainId, entries);
    }

    private static ChainVerification.Broken check(ChainHead head, AuditEntry entry) {
        AuditRecord record = entry.record();
        String chainId = head.chainId();
        long sequence = record.getChainSequence();
        if (!chainId.equals(record.getChainId())) {
            return broken(chainId, entry, ChainVerification.Kind.WRONG_CHAIN, chainId, record.getChainId());
        }
        String recomputed = AuditHashing.hashOf(entry.asWritten());
        if (!recomputed.equals(record.getHash())) {
            return broken(chainId, entry, ChainVerification.Kind.ALTERED, recomputed, record.getHash());
        }
        if (sequence != head.sequence() + 1) {
            return broken(chainId, entry, ChainVerification.Kind.MISSING_OR_REORDERED,
                    "sequence " + (head.sequence() + 1), "sequence " + sequence);
        }
        if (!head.hash().equals(record.getPrevHash())) {
            return broken(chainId, entry, ChainVerification.Kind.MISSING_OR_REORDERED,
                    "prevHash " + head.hash(), "prevHash " + record.getPrevHash());
        }
        return null;
    }

    private static ChainVerification.Broken broken(String chainId, AuditEntry entry, ChainVerification.Kind kind,
                                                   String expected, String actual) {
        return new ChainVerification.Broken(chainId, entry.record().getChainSequence(), entry.offset(), kind,
                expected, actual);
    }
}
