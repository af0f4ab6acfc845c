package com.tradingcontrol.codec.audit;

import com.tradingcontrol.schemas.avro.AuditRecord;

/**
 * Appends records to one audit chain. Callers build the record's content; this class fills in the
 * chain fields ({@code chainId}, {@code chainSequence}, {@code prevHash}, {@code hash}) and
 * returns the new head, which the caller must persist together with the record.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** The sealed record and the head after it. */
    public record Appended(AuditRecord record, ChainHead head) {
    }

    public static Appended append(ChainHead head, AuditRecord.Builder content) {
        AuditRecord unsealed = content
                .setChainId(head.chainId())
                .setChainSequence(head.sequence() + 1)
                .setPrevHash(head.hash())
                .setHash("")
                .build();
        String hash = AuditHashing.hashOf(unsealed);
        // The record was built just above and nobody else holds it, so seal it in place instead of
        // deep-copying it through a second builder.
        AuditRecord sealed = unsealed;
        sealed.setHash(hash);
        return new Appended(sealed, new ChainHead(head.chainId(), sealed.getChainSequence(), hash));
    }
}
