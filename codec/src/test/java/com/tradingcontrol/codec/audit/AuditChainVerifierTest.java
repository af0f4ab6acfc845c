package com.tradingcontrol.codec.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainVerifierTest {

    private static final String CHAIN = "chain-2";

    @Test
    void aGoodChainVerifiesWithItsRecordCount() {
        List<AuditRecord> chain = chainOf(5);

        ChainVerification result = AuditChainVerifier.verifyRecords(CHAIN, chain);

        assertThat(result).isInstanceOf(ChainVerification.Intact.class);
        ChainVerification.Intact intact = (ChainVerification.Intact) result;
        assertThat(intact.records()).isEqualTo(5);
        assertThat(intact.head()).isEqualTo(new ChainHead(CHAIN, 5, chain.get(4).getHash()));
    }

    @Test
    void chainFieldsAreFilledAndLinked() {
        List<AuditRecord> chain = chainOf(3);

        assertThat(chain.get(0).getPrevHash()).isEqualTo(AuditHashing.GENESIS).hasSize(64);
        assertThat(chain).extracting(AuditRecord::getChainSequence).containsExactly(1L, 2L, 3L);
        assertThat(chain.get(1).getPrevHash()).isEqualTo(chain.get(0).getHash());
        assertThat(chain.get(2).getHash()).matches("[0-9a-f]{64}").isEqualTo(AuditHashing.hashOf(chain.get(2)));
    }

    @Test
    void anAlteredRecordIsReportedAtItsPosition() {
        List<AuditRecord> chain = chainOf(5);
        AuditRecord original = chain.get(2);
        chain.set(2, AuditRecord.newBuilder(original).setReason("nothing to see here").build());

        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verifyRecords(CHAIN, chain);

        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.ALTERED);
        assertThat(broken.chainSequence()).isEqualTo(3);
        assertThat(broken.offset()).isEqualTo(2);
        assertThat(broken.actual()).isEqualTo(original.getHash());
        assertThat(broken.expected()).isNotEqualTo(original.getHash());
    }

    @Test
    void anAlteredAndRehashedRecordBreaksTheLinkOfItsSuccessor() {
        List<AuditRecord> chain = chainOf(4);
        AuditRecord forged = AuditRecord.newBuilder(chain.get(1)).setReason("forged").build();
        forged.setHash(AuditHashing.hashOf(forged));
        chain.set(1, forged);

        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verifyRecords(CHAIN, chain);

        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.MISSING_OR_REORDERED);
        assertThat(broken.chainSequence()).isEqualTo(3);
        assertThat(broken.actual()).isEqualTo("prevHash " + chain.get(2).getPrevHash());
        assertThat(broken.expected()).isEqualTo("prevHash " + forged.getHash());
    }

    @Test
    void aRemovedRecordIsReportedAtTheGap() {
        List<AuditRecord> chain = chainOf(5);
        chain.remove(3);

        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verifyRecords(CHAIN, chain);

        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.MISSING_OR_REORDERED);
        assertThat(broken.chainSequence()).isEqualTo(5);
        assertThat(broken.offset()).isEqualTo(3);
        assertThat(broken.expected()).isEqualTo("sequence 4");
        assertThat(broken.actual()).isEqualTo("sequence 5");
    }

    @Test
    void aRemovedFirstRecordIsDetected() {
        List<AuditRecord> chain = chainOf(3);
        chain.remove(0);

        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verifyRecords(CHAIN, chain);

        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.MISSING_OR_REORDERED);
        assertThat(broken.chainSequence()).isEqualTo(2);
        assertThat(broken.offset()).isZero();
    }

    @Test
    void reorderedRecordsAreDetected() {
        List<AuditRecord> chain = chainOf(5);
        AuditRecord third = chain.get(2);
        chain.set(2, chain.get(3));
        chain.set(3, third);

        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verifyRecords(CHAIN, chain);

        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.MISSING_OR_REORDERED);
        assertThat(broken.offset()).isEqualTo(2);
        assertThat(broken.chainSequence()).isEqualTo(4);
    }

    @Test
    void aRecordOfAnotherChainIsDetected() {
        List<AuditRecord> chain = chainOf(2);
        List<AuditRecord> other = build("chain-9", 1);
        chain.add(other.get(0));

        ChainVerification.Broken broken = (ChainVerification.Broken) AuditChainVerifier.verifyRecords(CHAIN, chain);

        assertThat(broken.kind()).isEqualTo(ChainVerification.Kind.WRONG_CHAIN);
        assertThat(broken.offset()).isEqualTo(2);
        assertThat(broken.describe()).contains("chain-2", "WRONG_CHAIN", "chain-9");
    }

    @Test
    void verificationCanContinueFromACheckpointHead() {
        List<AuditRecord> chain = chainOf(6);
        ChainHead checkpoint = new ChainHead(CHAIN, 3, chain.get(2).getHash());
        List<AuditEntry> tail = List.of(new AuditEntry(3, chain.get(3)), new AuditEntry(4, chain.get(4)),
                new AuditEntry(5, chain.get(5)));

        ChainVerification result = AuditChainVerifier.verifyFrom(checkpoint, tail);

        assertThat(result.isIntact()).isTrue();
        assertThat(((ChainVerification.Intact) result).records()).isEqualTo(3);
    }

    @Test
    void chainIdsMapToPartitions() {
        assertThat(ChainHead.chainIdFor(7)).isEqualTo("chain-7");
        assertThat(ChainHead.partitionOf("chain-7")).isEqualTo(7);
    }

    private static List<AuditRecord> chainOf(int n) {
        return build(CHAIN, n);
    }

    private static List<AuditRecord> build(String chainId, int n) {
        List<AuditRecord> records = new ArrayList<>();
        ChainHead head = ChainHead.genesis(chainId);
        for (int i = 1; i <= n; i++) {
            AuditChain.Appended appended = AuditChain.append(head, content("cmd-" + i));
            records.add(appended.record());
            head = appended.head();
        }
        return records;
    }

    private static AuditRecord.Builder content(String commandId) {
        return AuditRecord.newBuilder()
                .setAuditId(commandId)
                .setCommandId(commandId)
                .setRequestId("req-" + commandId)
                .setProductId("platform")
                .setActor(new Actor("alice", null, List.of("operator")))
                .setAction("PauseTrading")
                .setAggregateId("global")
                .setOutcome(OutcomeStatus.ACCEPTED)
                .setReason("incident " + commandId)
                .setEventIds(List.of(commandId + ":0"))
                .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
