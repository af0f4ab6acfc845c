package com.tradingcontrol.codec.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fixed SHA-256 vectors for the audit hash format: three records of one chain with their expected
 * hashes, computed once and committed. A change to the canonical encoding, the field order of
 * AuditRecord v1 or the prevHash prefix changes these values, and every chain already in
 * {@code trading.audit} would stop verifying — so such a change fails here first, not in production.
 * The first two values were cross-checked when committed with an independent encoder (a hand-written
 * Avro binary encoding of the same fields and Python's hashlib), not only with {@link AuditHashing}.
 */
class AuditHashVectorsTest {

    static final String HASH_1 = "b070c7a619a2db57bbfcfdc961a55dfe20a568036d481bb3a34776b14ad8cdef";
    static final String HASH_2 = "0315f47a78b560be9584e438167fb69436180a4ea1329721f1c9942b27c70c3a";
    static final String HASH_3 = "e6957a99aa008704a747de02e747b25720d570b9a13ee53caec962ceb5c9ac5d";

    @Test
    void theFirstRecordsOfAChainHashToTheCommittedValues() {
        ChainHead head = ChainHead.genesis("chain-0");
        AuditChain.Appended first = AuditChain.append(head, accepted());
        AuditChain.Appended second = AuditChain.append(first.head(), rejected());
        AuditChain.Appended third = AuditChain.append(second.head(), system());

        assertThat(first.record().getPrevHash()).isEqualTo("0".repeat(64));
        assertThat(List.of(first.record().getHash(), second.record().getHash(), third.record().getHash()))
                .containsExactly(HASH_1, HASH_2, HASH_3);
        assertThat(second.record().getPrevHash()).isEqualTo(HASH_1);
        assertThat(third.record().getPrevHash()).isEqualTo(HASH_2);
    }

    @Test
    void theHashIgnoresWhatTheHashFieldHeldButCoversEveryOtherField() {
        AuditRecord sealed = AuditChain.append(ChainHead.genesis("chain-0"), accepted()).record();
        AuditRecord withOtherHash = AuditRecord.newBuilder(sealed).setHash("f".repeat(64)).build();
        AuditRecord withOtherRequest = AuditRecord.newBuilder(sealed).setRequestId("req-other").build();

        assertThat(AuditHashing.hashOf(withOtherHash)).isEqualTo(HASH_1);
        assertThat(AuditHashing.hashOf(withOtherRequest)).isNotEqualTo(HASH_1);
    }

    private static AuditRecord.Builder accepted() {
        return base("11111111-1111-3111-8111-111111111111", "req-1")
                .setActor(new Actor("dev-admin", null, List.of("admin")))
                .setAction("PauseTrading").setAggregateId("tenant:tenant-a").setProductId("tenant-a")
                .setOutcome(OutcomeStatus.ACCEPTED).setReason("investigating fills")
                .setAfter("{\"mode\":\"PAUSED\"}").setEventIds(List.of("11111111-1111-3111-8111-111111111111:0"))
                .setOccurredAt(Instant.parse("2026-11-21T23:42:01.751Z"));
    }

    private static AuditRecord.Builder rejected() {
        return base("22222222-2222-3222-8222-222222222222", "req-2")
                .setActor(new Actor("dev-operator", null, List.of("operator")))
                .setAction("UpdateConfig").setAggregateId("config:risk.maxOpenOrders").setProductId("platform")
                .setOutcome(OutcomeStatus.REJECTED).setCode("FORBIDDEN")
                .setReason("only admins change config").setEventIds(List.of())
                .setOccurredAt(Instant.parse("2026-11-21T23:42:15.813Z"));
    }

    private static AuditRecord.Builder system() {
        return base("33333333-3333-3333-8333-333333333333", "system")
                .setActor(new Actor("system", null, List.of()))
                .setAction("PauseExpired").setAggregateId("symbol:AAPL").setProductId("platform")
                .setOutcome(OutcomeStatus.ACCEPTED).setBefore("{\"mode\":\"PAUSED\"}")
                .setAfter("{\"mode\":\"ACTIVE\"}").setEventIds(List.of("33333333-3333-3333-8333-333333333333:0"))
                .setOccurredAt(Instant.parse("2026-11-22T00:00:00Z"));
    }

    private static AuditRecord.Builder base(String id, String requestId) {
        return AuditRecord.newBuilder().setAuditId(id).setCommandId(id).setRequestId(requestId);
    }
}
