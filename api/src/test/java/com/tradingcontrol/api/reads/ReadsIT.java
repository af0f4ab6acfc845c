package com.tradingcontrol.api.reads;

import static com.tradingcontrol.api.reads.ReadsFixture.at;
import static com.tradingcontrol.api.support.Problems.assertProblem;
import static com.tradingcontrol.api.support.Problems.assertUnauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.tradingcontrol.api.ControlPlaneConfiguration;
import com.tradingcontrol.api.support.Http;
import com.tradingcontrol.api.support.TestApps;
import com.tradingcontrol.api.support.Tokens;
import com.tradingcontrol.domain.config.ConfigCatalogueLoader;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The read endpoints against the real app, a real SQLite projection and the embedded broker. */
@ExtendWith(DropwizardExtensionsSupport.class)
@Timeout(120) // seconds, per test method; ~14 s observed for all 14
class ReadsIT {

    private static final ReadsFixture FIXTURE = newFixture();
    static final DropwizardAppExtension<ControlPlaneConfiguration> APP = TestApps.withRsaKey(
            new ReadsExtension(FIXTURE.projection, FIXTURE.log, Clock.systemUTC(), ConfigCatalogueLoader.loadDefault(), 2));

    private static final String CUSTOMER_A = Tokens.customer("ua");
    private static final String ADMIN = Tokens.admin();
    private static final String AUDITOR = Tokens.rs256(Tokens.claims("aud-1", null, "auditor"));
    private static Http http;

    private static ReadsFixture newFixture() {
        try {
            return new ReadsFixture();
        } catch (Exception e) {
            throw new IllegalStateException("fixture setup failed", e);
        }
    }

    @BeforeAll
    static void history() {
        FIXTURE.writeHistory();
        FIXTURE.writeTamperedChain();
        http = new Http(APP.getLocalPort());
    }

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Http.json(response);
    }

    @Test
    void featureFlagsComeFromConfigWithCatalogueDefaults() {
        JsonNode flags = ok(http.get("/api/feature-flags", CUSTOMER_A));
        assertThat(flags.path("backtest").path("enabled").asBoolean()).isTrue();
        assertThat(flags.path("backtest").path("customerEnabled").isBoolean()).isTrue();
        assertThat(flags.path("backtest").path("customerEnabled").asBoolean()).isFalse();
        assertThat(flags.path("tabs").path("marketplace").asBoolean(true)).isFalse();
        assertThat(flags.path("tabs").path("membership").asBoolean(true)).isFalse();
        assertUnauthorized(http.get("/api/feature-flags", null));
    }

    @Test
    void configListsEveryCatalogueKeyWithValueAndVersion() {
        JsonNode config = ok(http.get("/api/config", AUDITOR));
        assertThat(config.path("catalogueVersion").asInt()).isEqualTo(1);
        JsonNode backtest = entry(config, "features.backtest.enabled");
        assertThat(backtest.path("value").asBoolean()).isTrue();
        assertThat(backtest.path("defaultValue").asBoolean(true)).isFalse();
        assertThat(backtest.path("version").asLong()).isEqualTo(1);
        assertThat(backtest.path("updatedBy").asText()).isEqualTo("admin-1");
        assertThat(backtest.path("updatedAt").asText()).isEqualTo(at(20).toString());
        JsonNode maxOrders = entry(config, "risk.maxOpenOrders");
        assertThat(maxOrders.path("value").asLong()).isEqualTo(500);
        assertThat(maxOrders.path("version").asLong()).isZero();
        assertThat(maxOrders.path("type").asText()).isEqualTo("LONG");
        assertProblem(http.get("/api/config", CUSTOMER_A), 403, "FORBIDDEN");
        assertUnauthorized(http.get("/api/config", null));
    }

    @Test
    void oneConfigKeyCarriesItsVersionAsEtag() {
        HttpResponse<String> response = http.get("/api/config/features.backtest.enabled", ADMIN);
        assertThat(ok(response).path("key").asText()).isEqualTo("features.backtest.enabled");
        assertThat(response.headers().firstValue("ETag")).hasValue("\"1\"");
        assertProblem(http.get("/api/config/no.such.key", ADMIN), 404, "NOT_FOUND");
        assertProblem(http.get("/api/config/features.backtest.enabled", CUSTOMER_A), 403, "FORBIDDEN");
    }

    @Test
    void tradingControlShowsCustomersOnlyGlobalAndTheirOwnTenant() {
        JsonNode staff = ok(http.get("/api/trading-control", ADMIN));
        assertThat(staff.path("global").path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(scopes(staff)).containsExactly("strategy:ub:pb1", "symbol:TSLA", "tenant:ua", "tenant:ub");
        JsonNode tsla = staff.path("scopes").get(1);
        assertThat(tsla.path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(tsla.path("reduceOnly").asBoolean()).isTrue();
        assertThat(tsla.path("reduceOnlyReason").asText()).isEqualTo("wind down tsla");
        assertThat(tsla.path("reduceOnlyAt").asText()).isEqualTo(at(46).toString());
        assertThat(tsla.path("paused").asBoolean()).isFalse();
        JsonNode ub = staff.path("scopes").get(3);
        assertThat(ub.path("mode").asText()).isEqualTo("PAUSED");
        assertThat(ub.path("pauseReason").asText()).isEqualTo("risk on b");
        assertThat(ub.path("pausedAt").asText()).isEqualTo(at(10).toString());

        JsonNode customer = ok(http.get("/api/trading-control", CUSTOMER_A));
        assertThat(scopes(customer)).containsExactly("tenant:ua");
        assertThat(customer.path("scopes").get(0).path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(customer.toString()).doesNotContain("ub").doesNotContain("pb1");
        assertUnauthorized(http.get("/api/trading-control", null));
    }

    @Test
    void effectiveModeIsExplainedByItsCauses() {
        JsonNode effective = ok(http.get("/api/trading-control/effective?tenant=ub&profile=pb1&symbol=AAPL", ADMIN));
        assertThat(effective.path("mode").asText()).isEqualTo("PAUSED");
        assertThat(effective.path("maintenance").asBoolean()).isFalse();
        List<String> causes = new ArrayList<>();
        effective.path("causes").forEach(c -> causes.add(c.path("kind").asText() + " " + c.path("scope").asText()));
        assertThat(causes).containsExactlyInAnyOrder("PAUSE tenant:ub", "PAUSE strategy:ub:pb1",
                "PROFILE_DISABLED strategy:ub:pb1");
        JsonNode tenantCause = effective.path("causes").get(causes.indexOf("PAUSE tenant:ub"));
        assertThat(tenantCause.path("kind").asText()).isEqualTo("PAUSE");
        assertThat(tenantCause.path("setBy").asText()).isEqualTo("op-1");
        assertThat(tenantCause.path("reason").asText()).isEqualTo("risk on b");
        assertThat(effective.path("causes").get(2).path("kind").asText()).as("least restrictive last")
                .isEqualTo("PROFILE_DISABLED");
    }

    @Test
    void aDisabledOrUnknownProfileMayNotOpenPositions() {
        // pa1 was created and never enabled: profiles start disabled.
        JsonNode own = ok(http.get("/api/trading-control/effective?profile=pa1", CUSTOMER_A));
        assertThat(own.path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(own.path("causes")).singleElement().satisfies(c -> {
            assertThat(c.path("kind").asText()).isEqualTo("PROFILE_DISABLED");
            assertThat(c.path("scope").asText()).isEqualTo("strategy:ua:pa1");
            assertThat(c.path("setBy").asText()).isEqualTo("user-ua");
        });
        JsonNode unknown = ok(http.get("/api/trading-control/effective?tenant=ua&profile=zz9", ADMIN));
        assertThat(unknown.path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(unknown.path("causes").get(0).path("kind").asText()).isEqualTo("PROFILE_UNKNOWN");
        JsonNode noProfile = ok(http.get("/api/trading-control/effective?tenant=ua", ADMIN));
        assertThat(noProfile.path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(noProfile.path("causes").size()).isZero();
    }

    @Test
    void reduceOnlyShowsInTheEffectiveModeAndInTimeTravel() {
        JsonNode staff = ok(http.get("/api/trading-control/effective?tenant=ua&symbol=tsla", ADMIN));
        assertThat(staff.path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(staff.path("causes")).singleElement().satisfies(c -> {
            assertThat(c.path("kind").asText()).isEqualTo("REDUCE_ONLY");
            assertThat(c.path("scope").asText()).isEqualTo("symbol:TSLA");
            assertThat(c.path("setBy").asText()).isEqualTo("op-1");
            assertThat(c.path("reason").asText()).isEqualTo("wind down tsla");
        });
        JsonNode customer = ok(http.get("/api/trading-control/effective?symbol=TSLA", CUSTOMER_A));
        assertThat(customer.path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(customer.path("causes").get(0).path("reason").isNull()).as("a shared scope's reason is staff-only")
                .isTrue();
        assertThat(ok(http.get("/api/trading-control/effective?tenant=ua&symbol=MSFT", ADMIN)).path("mode").asText())
                .isEqualTo("ACTIVE");

        JsonNode after = control(ok(http.get("/api/state?asOf=" + at(50), AUDITOR)), "symbol:TSLA");
        assertThat(after.path("mode").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(after.path("reduceOnly").asBoolean()).isTrue();
        assertThat(after.path("reduceOnlyBy").path("reason").asText()).isEqualTo("wind down tsla");
        JsonNode before = ok(http.get("/api/state?asOf=" + at(45), AUDITOR));
        assertThat(before.path("control").findValuesAsText("scope")).doesNotContain("symbol:TSLA");
    }

    @Test
    void badEffectiveQueriesAreRefused() {
        assertProblem(http.get("/api/trading-control/effective?symbol=not%20a%20symbol", ADMIN), 422, "VALIDATION_FAILED");
        assertThat(assertProblem(http.get("/api/trading-control/effective?profile=pb1", ADMIN), 422, "VALIDATION_FAILED")
                .path("detail").asText()).contains("tenant");
        assertUnauthorized(http.get("/api/trading-control/effective", null));
    }

    @Test
    void customerCannotLearnAboutAnotherTenantThroughTheEffectiveMode() {
        assertProblem(http.get("/api/trading-control/effective?tenant=ub", CUSTOMER_A), 403, "FORBIDDEN");
        JsonNode othersProfile = assertProblem(
                http.get("/api/trading-control/effective?profile=pb1", CUSTOMER_A), 404, "NOT_FOUND");
        JsonNode missingProfile = assertProblem(
                http.get("/api/trading-control/effective?profile=zz9", CUSTOMER_A), 404, "NOT_FOUND");
        assertThat(othersProfile.path("detail").asText().replace("pb1", "X"))
                .isEqualTo(missingProfile.path("detail").asText().replace("zz9", "X"));
    }

    @Test
    void profilesAreTenantIsolated() {
        JsonNode own = ok(http.get("/api/profiles", CUSTOMER_A));
        assertThat(own.path("items").size()).isEqualTo(1);
        JsonNode profile = own.path("items").get(0);
        assertThat(profile.path("profileId").asText()).isEqualTo("pa1");
        assertThat(profile.path("tenantId").asText()).isEqualTo("ua");
        assertThat(profile.path("name").asText()).isEqualTo("A one");
        assertThat(profile.path("enabled").asBoolean(true)).isFalse();
        assertThat(profile.path("version").asLong()).isEqualTo(1);
        assertThat(ok(http.get("/api/profiles?tenant=ua", CUSTOMER_A)).path("items").size()).isEqualTo(1);
        JsonNode refused = assertProblem(http.get("/api/profiles?tenant=ub", CUSTOMER_A), 403, "FORBIDDEN");
        JsonNode refusedUnknown = assertProblem(http.get("/api/profiles?tenant=nobody", CUSTOMER_A), 403, "FORBIDDEN");
        assertThat(refused.path("detail")).isEqualTo(refusedUnknown.path("detail"));

        assertThat(ok(http.get("/api/profiles", ADMIN)).path("items").size()).isEqualTo(2);
        JsonNode ub = ok(http.get("/api/profiles?tenant=ub", ADMIN));
        assertThat(ub.path("items").get(0).path("profileId").asText()).isEqualTo("pb1");
        assertUnauthorized(http.get("/api/profiles", null));
    }

    @Test
    void auditSearchFiltersAndPages() {
        JsonNode all = ok(http.get("/api/admin/audit", AUDITOR));
        assertThat(all.path("items").size()).isEqualTo(3);
        assertThat(all.path("items").get(0).path("occurredAt").asText()).isEqualTo(at(35).toString());
        assertThat(all.path("continuation").isNull()).isTrue();

        JsonNode byRequest = ok(http.get("/api/admin/audit?requestId=req-30", ADMIN));
        assertThat(byRequest.path("items").size()).isEqualTo(1);
        JsonNode record = byRequest.path("items").get(0);
        assertThat(record.path("aggregateId").asText()).isEqualTo("tenant:ua");
        assertThat(record.path("actor").path("subject").asText()).isEqualTo("op-1");
        assertThat(record.path("hash").asText()).hasSize(64);

        assertThat(ok(http.get("/api/admin/audit?outcome=REJECTED", ADMIN)).path("items").get(0).path("code").asText())
                .isEqualTo("INVALID_STATE");
        assertThat(ok(http.get("/api/admin/audit?scope=tenant:ub&action=PauseTrading", ADMIN)).path("items").size()).isEqualTo(1);
        assertThat(ok(http.get("/api/admin/audit?from=" + at(25) + "&to=" + at(32), ADMIN)).path("items").size()).isEqualTo(1);
        assertThat(ok(http.get("/api/admin/audit?actor=someone-else", ADMIN)).path("items").size()).isZero();

        JsonNode first = ok(http.get("/api/admin/audit?pageSize=2", ADMIN));
        assertThat(first.path("items").size()).isEqualTo(2);
        String token = first.path("continuation").asText();
        JsonNode second = ok(http.get("/api/admin/audit?pageSize=2&continuation=" + token, ADMIN));
        assertThat(second.path("items").size()).isEqualTo(1);
        assertThat(second.path("items").get(0).path("occurredAt").asText()).isEqualTo(at(10).toString());
    }

    @Test
    void auditSearchRejectsBadInputAndOtherRoles() {
        assertProblem(http.get("/api/admin/audit?continuation=garbage", ADMIN), 422, "VALIDATION_FAILED");
        assertProblem(http.get("/api/admin/audit?from=yesterday", ADMIN), 422, "VALIDATION_FAILED");
        assertProblem(http.get("/api/admin/audit?outcome=MAYBE", ADMIN), 422, "VALIDATION_FAILED");
        assertProblem(http.get("/api/admin/audit?pageSize=0", ADMIN), 422, "VALIDATION_FAILED");
        assertProblem(http.get("/api/admin/audit", CUSTOMER_A), 403, "FORBIDDEN");
        assertProblem(http.get("/api/admin/audit", Tokens.operator()), 403, "FORBIDDEN");
        assertUnauthorized(http.get("/api/admin/audit", null));
    }

    @Test
    void auditVerifyNamesTheFirstBrokenLink() {
        JsonNode intact = ok(http.get("/api/audit/verify?to=" + at(45), AUDITOR));
        assertThat(intact.path("ok").asBoolean()).isTrue();
        assertThat(intact.path("checked").asLong()).isEqualTo(3);
        assertThat(intact.path("firstBroken").isNull()).isTrue();

        JsonNode broken = ok(http.get("/api/audit/verify", ADMIN));
        assertThat(broken.path("ok").asBoolean()).isFalse();
        JsonNode link = broken.path("firstBroken");
        assertThat(link.path("chainId").asText()).isEqualTo("chain-1");
        assertThat(link.path("chainSequence").asLong()).isEqualTo(2);
        assertThat(link.path("kind").asText()).isEqualTo("ALTERED");
        assertThat(link.path("detail").asText()).contains("chain-1");

        JsonNode fromMiddle = ok(http.get("/api/audit/verify?from=" + at(30) + "&to=" + at(45), AUDITOR));
        assertThat(fromMiddle.path("ok").asBoolean()).isTrue();
        assertThat(fromMiddle.path("checked").asLong()).isEqualTo(2);

        assertProblem(http.get("/api/audit/verify?from=" + at(40) + "&to=" + at(30), ADMIN), 422, "VALIDATION_FAILED");
        assertProblem(http.get("/api/audit/verify", Tokens.operator()), 403, "FORBIDDEN");
        assertUnauthorized(http.get("/api/audit/verify", null));
    }

    @Test
    void eventsExportStreamsNdjsonFilteredByTime() {
        HttpResponse<String> all = http.get("/api/admin/events", AUDITOR);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
        List<JsonNode> lines = all.body().lines().map(ReadsIT::parse).toList();
        assertThat(lines).hasSize(FIXTURE.events.size());
        JsonNode config = lines.stream().filter(l -> l.path("aggregateId").asText().startsWith("config:")).findFirst().orElseThrow();
        assertThat(config.path("occurredAt").asText()).isEqualTo(at(20).toString());
        assertThat(config.path("payload").path("type").asText()).isEqualTo("ConfigUpdated");
        assertThat(config.path("payload").path("value").asBoolean()).isTrue();
        assertThat(config.path("actor").path("subject").asText()).isEqualTo("admin-1");

        HttpResponse<String> window = http.get("/api/admin/events?from=" + at(10) + "&to=" + at(30), ADMIN);
        assertThat(window.body().lines().count()).isEqualTo(4);
        assertProblem(http.get("/api/admin/events?to=soon", ADMIN), 422, "VALIDATION_FAILED");
        assertProblem(http.get("/api/admin/events", CUSTOMER_A), 403, "FORBIDDEN");
        assertUnauthorized(http.get("/api/admin/events", null));
    }

    @Test
    void stateAsOfAnInstantBetweenTwoChanges() {
        HttpResponse<String> response = http.get("/api/state?asOf=" + at(35), AUDITOR);
        assertThat(response.headers().firstValue("Read-Completeness")).as("a log without bad records").hasValue("complete");
        JsonNode paused = ok(response);
        assertThat(paused.path("complete").asBoolean(false)).isTrue();
        assertThat(paused.path("skippedEvents").asLong(-1)).isZero();
        assertThat(paused.path("asOf").asText()).isEqualTo(at(35).toString());
        JsonNode ua = control(paused, "tenant:ua");
        assertThat(ua.path("mode").asText()).isEqualTo("PAUSED");
        assertThat(ua.path("pause").path("reason").asText()).isEqualTo("check a");
        assertThat(ua.path("version").asLong()).isEqualTo(1);

        JsonNode resumed = ok(http.get("/api/state?asOf=" + at(45), ADMIN));
        assertThat(control(resumed, "tenant:ua").path("mode").asText()).isEqualTo("ACTIVE");
        assertThat(control(resumed, "tenant:ua").path("version").asLong()).isEqualTo(2);

        JsonNode early = ok(http.get("/api/state?asOf=" + at(5), ADMIN));
        assertThat(early.path("control").size()).isZero();
        assertThat(early.path("profiles").size()).isEqualTo(2);
        assertThat(configValue(early, "features.backtest.enabled").asBoolean(true)).isFalse();
        assertThat(configValue(resumed, "features.backtest.enabled").asBoolean()).isTrue();

        JsonNode first = ok(http.get("/api/state?asOf=" + at(0), ADMIN));
        assertThat(first.path("profiles").size()).isEqualTo(1);
        assertThat(first.path("profiles").get(0).path("profileId").asText()).isEqualTo("pa1");
    }

    @Test
    void stateRejectsBadInstantsAndOtherRoles() {
        assertProblem(http.get("/api/state", ADMIN), 422, "VALIDATION_FAILED");
        JsonNode bad = assertProblem(http.get("/api/state?asOf=2026-13-01", ADMIN), 422, "VALIDATION_FAILED");
        assertThat(bad.path("detail").asText()).contains("asOf");
        assertProblem(http.get("/api/state?asOf=" + at(1), CUSTOMER_A), 403, "FORBIDDEN");
        assertProblem(http.get("/api/state?asOf=" + at(1), Tokens.operator()), 403, "FORBIDDEN");
        assertUnauthorized(http.get("/api/state?asOf=" + at(1), null));
    }

    @Test
    void openApiDocumentIsGeneratedFromTheResources() {
        JsonNode doc = ok(http.get("/openapi.json", null));
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        JsonNode paths = doc.path("paths");
        assertThat(paths.has("/api/state")).isTrue();
        assertThat(paths.has("/api/feature-flags")).isTrue();
        assertThat(paths.has("/api/trading-control/effective")).isTrue();
        assertThat(paths.has("/api/admin/audit")).isTrue();
        assertThat(paths.has("/api/me/profile")).isTrue();
        assertThat(paths.path("/api/trading-control").path("get").has("requestBody")).isFalse();
        List<String> effectiveParams = new ArrayList<>();
        paths.path("/api/trading-control/effective").path("get").path("parameters")
                .forEach(p -> effectiveParams.add(p.path("name").asText()));
        assertThat(effectiveParams).containsExactlyInAnyOrder("tenant", "profile", "symbol");
        assertThat(doc.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
    }

    private static JsonNode parse(String line) {
        try {
            return Http.JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError("not a JSON line: " + line, e);
        }
    }

    private static JsonNode entry(JsonNode config, String key) {
        for (JsonNode entry : config.path("entries")) {
            if (entry.path("key").asText().equals(key)) {
                return entry;
            }
        }
        throw new AssertionError("no config entry " + key + " in " + config);
    }

    private static JsonNode configValue(JsonNode state, String key) {
        for (JsonNode entry : state.path("config")) {
            if (entry.path("key").asText().equals(key)) {
                return entry.path("value");
            }
        }
        throw new AssertionError("no config " + key + " in " + state);
    }

    private static JsonNode control(JsonNode state, String scope) {
        for (JsonNode entry : state.path("control")) {
            if (entry.path("scope").asText().equals(scope)) {
                return entry;
            }
        }
        throw new AssertionError("no control " + scope + " in " + state);
    }

    private static List<String> scopes(JsonNode controls) {
        List<String> scopes = new ArrayList<>();
        controls.path("scopes").forEach(s -> scopes.add(s.path("scope").asText()));
        return scopes;
    }
}
