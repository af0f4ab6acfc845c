package com.tradingcontrol.api.security;

import static com.tradingcontrol.api.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.codec.audit.AuditChain;
import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.projections.projector.AuditDocuments;
import com.tradingcontrol.projections.projector.EventFolding;
import com.tradingcontrol.schemas.avro.Actor;
import com.tradingcontrol.schemas.avro.AggregateType;
import com.tradingcontrol.schemas.avro.AuditRecord;
import com.tradingcontrol.schemas.avro.EventEnvelope;
import com.tradingcontrol.schemas.avro.KillSwitchEngaged;
import com.tradingcontrol.schemas.avro.MaintenanceModeChanged;
import com.tradingcontrol.schemas.avro.OutcomeStatus;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a hostile tenant (or a curious colleague) could learn or break through the reads: staff names
 * and internal reasons of global controls, other users' commands, forged or re-filtered audit
 * continuations, instants out of range, and the order of authorization and validation.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(60)
class ReadLeakAttackTest {
    private static final AttackApp ATTACK = new AttackApp();
    static final DropwizardAppExtension<?> APP = ATTACK.app;
    private static final String FAR_FUTURE = "%2B999999999-12-31T23:59:59Z";
    private static final String FAR_PAST = "-999999999-01-01T00:00:00Z";
    static Http http;

    @BeforeAll
    static void history() {
        http = new Http(APP.getLocalPort());
        Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
        event(t0, 1, "op-jane", new KillSwitchEngaged("incident 42: broker feed corrupt"));
        event(t0.plusSeconds(60), 2, "admin-bob",
                new MaintenanceModeChanged(true, "Scheduled maintenance until 11:00 UTC", "db migration, see ticket OPS-7"));
        ChainHead head = ChainHead.genesis("chain-0");
        for (int i = 0; i < 3; i++) {
            AuditChain.Appended appended = AuditChain.append(head, AuditRecord.newBuilder().setAuditId("cmd-" + i)
                    .setCommandId("cmd-" + i).setRequestId("req-" + i).setProductId("platform")
                    .setActor(new Actor(i == 0 ? "op-1" : "op-2", null, List.of("operator"))).setAction("PauseTrading")
                    .setAggregateId("global").setOutcome(OutcomeStatus.ACCEPTED).setReason("r" + i)
                    .setEventIds(List.of()).setOccurredAt(t0.plusSeconds(i)));
            ATTACK.writer.apply(ATTACK.names, AuditDocuments.updateFor(appended.record()));
            head = appended.head();
        }
    }

    private static void event(Instant at, long sequence, String by, Object payload) {
        EventEnvelope e = new EventEnvelope("cmd-g" + sequence + ":0", "cmd-g" + sequence, "req-g" + sequence, "global",
                AggregateType.TRADING_CONTROL, sequence, at, new Actor(by, null, List.of("admin")), payload);
        ATTACK.writer.apply(ATTACK.names, EventFolding.updateFor(e));
    }

    @Test
    void customersSeeTheModeAndPublicMessageOfGlobalControlsButNoStaffOrReasons() {
        HttpResponse<String> listing = http.get("/api/trading-control", Tokens.customer("t1"));
        HttpResponse<String> effective = http.get("/api/trading-control/effective", Tokens.customer("t1"));

        for (HttpResponse<String> response : List.of(listing, effective)) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("Scheduled maintenance until 11:00 UTC")
                    .doesNotContain("op-jane").doesNotContain("admin-bob")
                    .doesNotContain("incident 42").doesNotContain("OPS-7");
        }
        assertThat(Http.json(listing).path("global").path("killSwitch").asBoolean()).isTrue();
        assertThat(Http.json(effective).path("mode").asText()).isEqualTo("HALTED");
    }

    @Test
    void staffStillSeeWhoAndWhy() {
        HttpResponse<String> listing = http.get("/api/trading-control", Tokens.operator());
        HttpResponse<String> effective = http.get("/api/trading-control/effective", Tokens.operator());

        assertThat(listing.body()).contains("op-jane").contains("incident 42").contains("admin-bob");
        assertThat(effective.body()).contains("op-jane").contains("OPS-7");
    }

    @Test
    void aColleagueOfTheSameTenantCannotReadMyCommand() {
        String mine = Tokens.rs256(Tokens.claims("alice", "t7", "customer"));
        String colleague = Tokens.rs256(Tokens.claims("alfred", "t7", "customer"));
        HttpResponse<String> submitted = http.send(http.request("/api/profiles").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + mine)
                .POST(HttpRequest.BodyPublishers.ofString("{\"profileId\":\"p1\",\"name\":\"mine\"}")).build());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = Http.json(submitted).path("commandId").asText();

        assertThat(http.get("/api/commands/" + id, mine).statusCode()).isEqualTo(200);
        assertProblem(http.get("/api/commands/" + id, colleague), 404, "NOT_FOUND");
        assertThat(http.get("/api/commands/" + id, Tokens.operator()).statusCode()).isEqualTo(200);
    }

    @Test
    void anOperatorChangingAnAdminKeyIsForbiddenBeforeTheBodyIsLookedAt() {
        for (String body : List.of("{\"reason\":\"no value\"}", "{\"value\":\"not a number\",\"reason\":\"r\"}",
                "{\"value\":7,\"reason\":\"r\"}")) {
            HttpResponse<String> response = http.send(http.request("/api/config/risk.maxOpenOrders")
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + Tokens.operator())
                    .header("If-Match", "not a version")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
            assertProblem(response, 403, "FORBIDDEN");
        }
    }

    @Test
    void roleChecksComeBeforeTheBodyIsReadOnEveryWriteEndpoint() throws Exception {
        for (BodyFuzzAttackTest.Endpoint endpoint : BodyFuzzAttackTest.WRITES) {
            if (endpoint.path().startsWith("/api/profiles")) {
                continue; // customers may use these
            }
            for (String body : List.of("{not json", "{\"reason\":\"r\",\"reason\":\"r\"}", endpoint.validBody())) {
                HttpRequest request = http.request(endpoint.path()).header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Tokens.customer("t1"))
                        .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body)).build();
                // A fresh client each time: Jetty closes a connection whose request body it did not read
                // (refused before reading it), and a pooled connection could race with that close.
                HttpClient once = HttpClient.newHttpClient();
                assertProblem(once.send(request, HttpResponse.BodyHandlers.ofString()), 403, "FORBIDDEN");
            }
        }
    }

    @Test
    void instantsOutOfRangeAreBadRequestsNotInternalErrors() {
        for (String path : List.of("/api/admin/audit?from=" + FAR_FUTURE, "/api/admin/audit?to=" + FAR_PAST,
                "/api/admin/events?from=" + FAR_PAST, "/api/admin/events?to=" + FAR_FUTURE,
                "/api/audit/verify?from=" + FAR_PAST, "/api/audit/verify?to=" + FAR_FUTURE)) {
            JsonNode body = assertProblem(http.get(path, Tokens.admin()), 422, "VALIDATION_FAILED");
            assertThat(body.path("detail").asText()).as(path).contains("between");
        }
        HttpResponse<String> pause = http.send(http.request("/api/trading-control/pause")
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + Tokens.operator())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"scope\":\"tenant:t1\",\"reason\":\"r\",\"expiresAt\":\"+999999999-12-31T23:59:59Z\"}")).build());
        assertProblem(pause, 422, "VALIDATION_FAILED");
    }

    @Test
    void anAuditContinuationPagesOnlyItsOwnQuery() {
        JsonNode first = Http.json(http.get("/api/admin/audit?pageSize=1&action=PauseTrading", Tokens.admin()));
        String token = first.path("continuation").asText();
        assertThat(token).isNotBlank();

        HttpResponse<String> next = http.get("/api/admin/audit?pageSize=1&action=PauseTrading&continuation=" + token,
                Tokens.admin());
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(Http.json(next).path("items")).hasSize(1);

        for (String reused : List.of("/api/admin/audit?pageSize=1&continuation=" + token,
                "/api/admin/audit?pageSize=1&action=PauseTrading&actor=op-1&continuation=" + token,
                "/api/admin/audit?pageSize=2&action=PauseTrading&continuation=" + token)) {
            assertProblem(http.get(reused, Tokens.admin()), 422, "VALIDATION_FAILED");
        }
    }

    @Test
    void aForgedOrTamperedContinuationIsRefused() {
        JsonNode first = Http.json(http.get("/api/admin/audit?pageSize=1", Tokens.admin()));
        String token = first.path("continuation").asText();
        String flipped = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");

        for (String forged : List.of(flipped, "1:1", "7:0", "2:0", "garbage", token.substring(0, token.indexOf('.')))) {
            assertProblem(http.get("/api/admin/audit?pageSize=1&continuation=" + forged, Tokens.admin()),
                    422, "VALIDATION_FAILED");
        }
    }
}
