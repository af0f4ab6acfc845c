package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "profiles", mixinStandardHelpOptions = true, description = "List, create, enable or disable strategy profiles.",
        subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.Create.class,
                ProfilesCommand.Enable.class, ProfilesCommand.Disable.class})
final class ProfilesCommand extends GroupCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List profiles (customers: their own).")
    static final class ListProfiles extends ApiCommand {
        @Option(names = "--tenant", paramLabel = "TENANT", description = "Only this tenant's profiles.")
        String tenant;

        @Override
        public Integer call() {
            ApiResponse response = api().get("/api/profiles", Query.of().add("tenant", tenant));
            if (out().json()) {
                out().raw(response.body());
                return 0;
            }
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode item : response.json().path("items")) {
                rows.add(List.of(Output.text(item, "profileId"), Output.text(item, "tenantId"), Output.text(item, "name"),
                        Output.text(item, "enabled"), Output.text(item, "version")));
            }
            out().table(List.of("PROFILE", "TENANT", "NAME", "ENABLED", "VERSION"), rows);
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a profile.")
    static final class Create extends WriteCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The profile id.")
        String profileId;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "Display name.")
        String name;

        @Option(names = "--tenant", paramLabel = "TENANT", description = "Owning tenant (customers: their own, implied).")
        String tenant;

        @Override
        public Integer call() {
            ObjectNode body = body().put("profileId", profileId).put("name", name);
            if (tenant != null) {
                body.put("tenantId", tenant);
            }
            return submit("POST", "/api/profiles", body, "profiles create " + profileId);
        }
    }

    abstract static class Toggle extends WriteCommand {
        @Parameters(index = "0", paramLabel = "ID", description = "The profile id.")
        String profileId;

        @Option(names = "--tenant", paramLabel = "TENANT", description = "Owning tenant.")
        String tenant;

        @Option(names = "--reason", paramLabel = "TEXT", description = "Why.")
        String reason;

        int toggle(String action) {
            ObjectNode body = body();
            if (reason != null) {
                body.put("reason", reason);
            }
            if (tenant != null) {
                body.put("tenantId", tenant);
            }
            return submit("POST", "/api/profiles/" + Query.segment(profileId) + "/" + action, body,
                    "profiles " + action + " " + profileId);
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a profile.")
    static final class Enable extends Toggle {
        @Override
        public Integer call() {
            return toggle("enable");
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true, description = "Disable a profile.")
    static final class Disable extends Toggle {
        @Override
        public Integer call() {
            return toggle("disable");
        }
    }
}
