package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "Search the audit trail or verify its hash chain.",
        subcommands = {AuditCommand.Search.class, AuditCommand.Verify.class})
final class AuditCommand extends GroupCommand {

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "Search audit records (admin, auditor). Times: ISO-8601, 'now' or relative (-1h).")
    static final class Search extends ApiCommand {
        @Option(names = "--from", paramLabel = "TIME") String from;
        @Option(names = "--to", paramLabel = "TIME") String to;
        @Option(names = "--actor", paramLabel = "SUBJECT") String actor;
        @Option(names = "--action", paramLabel = "TYPE", description = "e.g. PauseTrading, UpdateConfig.") String action;
        @Option(names = "--outcome", paramLabel = "OUTCOME", description = "ACCEPTED or REJECTED.") String outcome;
        @Option(names = "--scope", paramLabel = "SCOPE") String scope;
        @Option(names = "--request-id", paramLabel = "ID", description = "Records of this x-request-id.") String requestId;
        @Option(names = "--page-size", paramLabel = "N") Integer pageSize;
        @Option(names = "--continuation", paramLabel = "TOKEN", description = "Continue a previous search.") String continuation;
        @Option(names = "--all", description = "Follow continuation tokens until the last page.") boolean all;

        @Override
        public Integer call() {
            Instant fromInstant = instant(from, "--from");
            Instant toInstant = instant(to, "--to");
            Query filters = Query.of().add("from", fromInstant).add("to", toInstant).add("actor", actor)
                    .add("action", action).add("outcome", outcome).add("scope", scope).add("requestId", requestId)
                    .add("pageSize", pageSize);
            ApiResponse page = api().get("/api/admin/audit", filters.copy().add("continuation", continuation));
            if (!all) {
                print(page.body(), page.json().path("items"), page.json().path("continuation"));
                return 0;
            }
            ArrayNode items = JsonNodeFactory.instance.arrayNode();
            Set<String> seen = new HashSet<>();
            while (true) {
                items.addAll((ArrayNode) page.json().withArray("items"));
                JsonNode next = page.json().path("continuation");
                if (!next.isTextual() || next.asText().isEmpty()) {
                    break;
                }
                if (!seen.add(next.asText())) {
                    throw new CliException(CliException.UNAVAILABLE,
                            "the API returned the same continuation token twice; stopping to avoid a loop");
                }
                page = api().get("/api/admin/audit", filters.copy().add("continuation", next.asText()));
            }
            ObjectNode combined = JsonNodeFactory.instance.objectNode();
            combined.set("items", items);
            combined.putNull("continuation");
            print(combined.toString(), items, combined.path("continuation"));
            return 0;
        }

        private void print(String raw, JsonNode items, JsonNode next) {
            if (out().json()) {
                out().raw(raw);
                return;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode record : items) {
                String detail = record.path("code").isTextual() ? Output.text(record, "code") + ": " : "";
                rows.add(List.of(Output.text(record, "occurredAt"), Output.text(record, "action"),
                        Output.text(record, "outcome"), Output.text(record, "actor"), Output.text(record, "aggregateId"),
                        Output.text(record, "requestId"), detail + Output.text(record, "reason")));
            }
            out().table(List.of("TIME", "ACTION", "OUTCOME", "ACTOR", "AGGREGATE", "REQUEST-ID", "REASON"), rows);
            if (next.isTextual() && !next.asText().isEmpty()) {
                out().note("more records: repeat with --continuation " + next.asText() + " (or use --all)");
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verify the audit hash chain (admin, auditor); exits 1 when it is broken.")
    static final class Verify extends ApiCommand {
        @Option(names = "--from", paramLabel = "TIME") String from;
        @Option(names = "--to", paramLabel = "TIME") String to;

        @Override
        public Integer call() {
            ApiResponse response = api().get("/api/audit/verify",
                    Query.of().add("from", instant(from, "--from")).add("to", instant(to, "--to")));
            JsonNode result = response.json();
            boolean ok = result.path("ok").asBoolean(false);
            if (out().json()) {
                out().raw(response.body());
            } else if (ok) {
                out().line("OK audit chain intact (" + Output.text(result, "checked") + " records checked)");
            } else {
                JsonNode broken = result.path("firstBroken");
                out().line("BROKEN audit chain " + Output.text(broken, "chainId") + " at sequence "
                        + Output.text(broken, "chainSequence") + " (" + Output.text(broken, "kind") + "): "
                        + Output.text(broken, "detail") + " (" + Output.text(result, "checked") + " records checked)");
            }
            return ok ? 0 : CliException.REJECTED;
        }
    }
}
