package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "drift-check", mixinStandardHelpOptions = true,
        description = "Compare the stored projections with the event log (admin, auditor); exits 1 on drift.")
final class DriftCheckCommand extends ApiCommand {

    @Override
    public Integer call() {
        ApiResponse response = api().get("/api/admin/drift-check", Query.of());
        JsonNode differences = response.json().path("differences");
        if (out().json()) {
            out().raw(response.body());
        } else if (differences.isEmpty()) {
            out().line("NO DRIFT (" + Output.text(response.json(), "checked") + " documents checked)");
        } else {
            out().line("DRIFT " + differences.size() + " difference(s) ("
                    + Output.text(response.json(), "checked") + " documents checked)");
            out().table(List.of("CONTAINER", "DOCUMENT", "FIELD", "EXPECTED", "ACTUAL"),
                    StateCommand.rows(differences, "container", "documentId", "field", "expected", "actual"));
        }
        return differences.isEmpty() ? 0 : CliException.REJECTED;
    }
}
