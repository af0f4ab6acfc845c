package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "whoami", mixinStandardHelpOptions = true, description = "Who the token says you are.")
final class WhoamiCommand extends ApiCommand {

    @Override
    public Integer call() {
        ApiResponse response = api().get("/api/me/profile", Query.of());
        if (out().json()) {
            out().raw(response.body());
            return 0;
        }
        JsonNode me = response.json();
        List<String> roles = new ArrayList<>();
        me.path("roles").forEach(role -> roles.add(role.asText()));
        out().line(Output.text(me, "subject") + " (tenant " + Output.text(me, "tenantId") + ", roles "
                + String.join(",", roles) + ")");
        return 0;
    }
}
