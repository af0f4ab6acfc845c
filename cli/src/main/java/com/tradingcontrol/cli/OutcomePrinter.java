package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Renders a command outcome ({@code ACCEPTED pause tenant:u1 (version 3, command c-1)}). */
final class OutcomePrinter {

    private OutcomePrinter() {
    }

    /** Prints the outcome; returns the exit code (1 when rejected and that counts as an error). */
    static int print(Output out, String label, ApiResponse response, boolean rejectedIsError) {
        JsonNode outcome = response.json();
        String status = Output.text(outcome, "status");
        boolean rejected = status.equals("REJECTED");
        if (out.json()) {
            out.raw(response.body());
        } else {
            out.line(describe(label, outcome, status));
        }
        return rejected && rejectedIsError ? CliException.REJECTED : 0;
    }

    private static String describe(String label, JsonNode outcome, String status) {
        String commandId = Output.text(outcome, "commandId");
        String message = outcome.path("message").isTextual() ? ": " + outcome.path("message").asText() : "";
        return switch (status) {
            case "ACCEPTED" -> "ACCEPTED " + label + " (version " + Output.text(outcome, "resultingVersion")
                    + ", command " + commandId + ")" + message;
            case "PENDING" -> "PENDING " + label + " (command " + commandId
                    + "; outcome not known yet, check with: tcp commands get " + commandId + ")";
            case "REJECTED" -> "REJECTED " + label + " " + Output.text(outcome, "code")
                    + " (command " + commandId + ")" + message;
            default -> status + " " + label + " (command " + commandId + ")" + message;
        };
    }
}
