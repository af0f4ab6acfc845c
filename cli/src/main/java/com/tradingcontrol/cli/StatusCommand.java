package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * What is in force right now, for operators: {@code GET /api/trading-control}, which every staff role
 * may read (unlike {@code state}, which replays the event log for admins and auditors), flattened to
 * one line per control with who set it, when, why and how long it has left.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "What is in force now: the global mode and every pause, reduce-only, kill switch and "
                + "maintenance per scope, with who, when, why and the time left. Any staff role.")
final class StatusCommand extends ApiCommand {

    @Override
    public Integer call() {
        ApiResponse response = api().get("/api/trading-control", Query.of());
        if (out().json()) {
            out().raw(response.body());
            return 0;
        }
        JsonNode listing = response.json();
        Instant now = root().environment().clock().instant();
        JsonNode global = listing.path("global");
        out().line("global: " + Output.text(global, "mode")
                + (global.path("killSwitch").asBoolean(false) ? ", KILL SWITCH ENGAGED" : "")
                + (global.path("maintenance").asBoolean(false)
                ? ", MAINTENANCE (" + Output.text(global, "maintenanceMessage") + ")" : ""));
        List<List<String>> rows = new ArrayList<>(rows(global, now));
        listing.path("scopes").forEach(scope -> rows.addAll(rows(scope, now)));
        if (rows.isEmpty()) {
            out().line("nothing in force: trading is open everywhere");
            return 0;
        }
        out().table(List.of("SCOPE", "CONTROL", "SET-BY", "SET-AT", "EXPIRES-IN", "REASON"), rows);
        return 0;
    }

    /** How a two-person proposal shows in the CONTROL column, by its action. */
    private static final Map<String, String> PROPOSED = Map.of("KILL_SWITCH_RELEASE", "RELEASE_PROPOSED",
            "GLOBAL_RESUME", "RESUME_PROPOSED", "MAINTENANCE_OFF", "MAINTENANCE_OFF_PROPOSED");

    /** One row per control in force on a scope document; timed ones past their expiry are left out. */
    static List<List<String>> rows(JsonNode doc, Instant now) {
        List<List<String>> rows = new ArrayList<>();
        String scope = Output.text(doc, "scope");
        if (doc.path("killSwitch").asBoolean(false)) {
            rows.add(row(scope, "KILL_SWITCH", doc, "killSwitchBy", "killSwitchAt", "killSwitchReason", null, now));
        }
        if (doc.path("paused").asBoolean(false) && !expired(doc, "expiresAt", now)) {
            rows.add(row(scope, "PAUSE", doc, "pausedBy", "pausedAt", "pauseReason", "expiresAt", now));
        }
        if (doc.path("reduceOnly").asBoolean(false) && !expired(doc, "reduceOnlyExpiresAt", now)) {
            rows.add(row(scope, "REDUCE_ONLY", doc, "reduceOnlyBy", "reduceOnlyAt", "reduceOnlyReason",
                    "reduceOnlyExpiresAt", now));
        }
        if (doc.path("maintenance").asBoolean(false)) {
            rows.add(row(scope, "MAINTENANCE", doc, "maintenanceBy", "maintenanceAt", "maintenanceReason", null, now));
        }
        // Not controls (nothing changes until approved), but who wants a restriction lifted is worth seeing.
        if (doc.has("proposals")) {
            for (JsonNode p : doc.path("proposals")) {
                if (!expired(p, "expiresAt", now)) {
                    rows.add(row(scope, PROPOSED.getOrDefault(Output.text(p, "action"), Output.text(p, "action")), p,
                            "proposedBy", "proposedAt", "reason", "expiresAt", now));
                }
            }
        } else if (doc.path("releaseProposal").asBoolean(false) && !expired(doc, "releaseProposalExpiresAt", now)) {
            rows.add(row(scope, "RELEASE_PROPOSED", doc, "releaseProposedBy", "releaseProposedAt",
                    "releaseProposalReason", "releaseProposalExpiresAt", now));
        }
        return rows;
    }

    private static List<String> row(String scope, String kind, JsonNode doc, String by, String at, String reason,
                                    String expiresAt, Instant now) {
        String left = expiresAt == null || !doc.path(expiresAt).isTextual() ? "-"
                : remaining(Duration.between(now, Instant.parse(doc.path(expiresAt).asText())));
        return List.of(scope, kind, Output.text(doc, by), Output.text(doc, at), left, Output.text(doc, reason));
    }

    private static boolean expired(JsonNode doc, String field, Instant now) {
        return doc.path(field).isTextual() && !Instant.parse(doc.path(field).asText()).isAfter(now);
    }

    /** "1h05m", "4m03s". */
    static String remaining(Duration left) {
        long s = Math.max(0, left.getSeconds());
        return s >= 3600 ? "%dh%02dm".formatted(s / 3600, s % 3600 / 60) : "%dm%02ds".formatted(s / 60, s % 60);
    }
}
