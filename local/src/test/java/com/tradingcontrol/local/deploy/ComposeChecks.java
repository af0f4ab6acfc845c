package com.tradingcontrol.local.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading docker-compose.yml and deploy/api.yml the way Compose and Dropwizard would. */
final class ComposeChecks {
    /** Tags that move to new builds: an image named by one can change under an unchanged file. */
    private static final Pattern MOVING_TAG = Pattern.compile("(?i).*(latest|preview|stable|nightly|snapshot|edge).*");
    private static final Pattern IMAGE = Pattern.compile("(?<name>[^@\\s]+?)(:(?<tag>[\\w.-]+))?(@sha256:(?<digest>[0-9a-f]{64}))?");

    private ComposeChecks() {
    }

    /** True when the image names a digest, or a tag that is not a moving one (a missing tag means latest). */
    static boolean isPinned(String image) {
        Matcher m = IMAGE.matcher(image);
        if (!m.matches()) {
            return false;
        }
        if (m.group("digest") != null) {
            return true;
        }
        String tag = m.group("tag");
        return tag != null && !MOVING_TAG.matcher(tag).matches();
    }

    /** Container ports a service publishes on the host, from the short ("[ip:]host:container[/proto]") or long syntax. */
    static List<Integer> publishedContainerPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode port : service.path("ports")) {
            if (port.isObject()) {
                ports.add(port.path("target").asInt());
            } else {
                String spec = port.asText().split("/")[0];
                ports.add(Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1)));
            }
        }
        return ports;
    }

    /** The API's application connector ports: the simple server's one connector, or applicationConnectors. */
    static List<Integer> applicationPorts(JsonNode apiConfig) {
        return connectorPorts(apiConfig.path("server"), "applicationConnectors");
    }

    /** The admin connectors' ports (none for the simple server, which serves admin under a path). */
    static List<Integer> adminPorts(JsonNode apiConfig) {
        return connectorPorts(apiConfig.path("server"), "adminConnectors");
    }

    private static List<Integer> connectorPorts(JsonNode server, String connectors) {
        List<Integer> ports = new ArrayList<>();
        if ("simple".equals(server.path("type").asText("default").toLowerCase(Locale.ROOT))) {
            if (connectors.equals("applicationConnectors")) {
                ports.add(server.path("connector").path("port").asInt(8080));
            }
            return ports;
        }
        JsonNode list = server.path(connectors);
        if (list.isMissingNode()) {
            // Dropwizard's defaults for the default server: application 8080, admin 8081.
            ports.add(connectors.equals("applicationConnectors") ? 8080 : 8081);
        }
        list.forEach(c -> ports.add(c.path("port").asInt()));
        return ports;
    }

    /** A command or entrypoint (string or list) as one string. */
    static String commandLine(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(" ", parts);
        }
        return value.asText("");
    }
}
