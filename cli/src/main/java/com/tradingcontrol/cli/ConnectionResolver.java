package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves the API URL and token: flags first, then the environment variables
 * {@code TCP_API_URL} / {@code TCP_TOKEN}, then the local launcher's {@code local.json}
 * (found via {@code --local-json}, {@code TCP_LOCAL_JSON}, then {@code ./data/local.json}).
 * An explicit {@code --role} is a flag too, so it picks from local.json even when
 * {@code TCP_TOKEN} is set.
 */
public final class ConnectionResolver {

    public static final String ENV_API = "TCP_API_URL";
    public static final String ENV_TOKEN = "TCP_TOKEN";
    public static final String ENV_LOCAL_JSON = "TCP_LOCAL_JSON";
    public static final String DEFAULT_ROLE = "admin";
    public static final Path DEFAULT_LOCAL_JSON = Path.of("data", "local.json");

    private final Environment environment;
    private final ObjectMapper mapper;

    public ConnectionResolver(Environment environment, ObjectMapper mapper) {
        this.environment = environment;
        this.mapper = mapper;
    }

    /** The flags as given on the command line; any of them may be null. */
    public record Flags(String api, String token, String role, Path localJson) {
    }

    public Connection resolve(Flags flags) {
        String api = firstNonNull(flags.api(), environment.variable(ENV_API));
        String token = flags.token();
        if (token == null && flags.role() == null) {
            token = environment.variable(ENV_TOKEN);
        }
        if (api == null || token == null) {
            JsonNode local = readLocalJson(flags.localJson());
            if (api == null) {
                api = text(local, "api", "the API URL (\"api\")");
            }
            if (token == null) {
                token = tokenForRole(local, flags.role() == null ? DEFAULT_ROLE : flags.role());
            }
        }
        return new Connection(parseApi(api), token);
    }

    private JsonNode readLocalJson(Path flagPath) {
        Path explicit = flagPath != null ? flagPath : pathFromEnv();
        Path file = environment.workingDir().resolve(explicit != null ? explicit : DEFAULT_LOCAL_JSON);
        if (!Files.isRegularFile(file)) {
            throw new CliException(CliException.USAGE, explicit != null
                    ? "local.json not found: " + file
                    : "no API URL or token: pass --api/--token, set " + ENV_API + "/" + ENV_TOKEN
                      + ", or start the local launcher (expected " + file + ")");
        }
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new CliException(CliException.USAGE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private Path pathFromEnv() {
        String value = environment.variable(ENV_LOCAL_JSON);
        return value == null ? null : Path.of(value);
    }

    private String tokenForRole(JsonNode local, String role) {
        JsonNode tokens = local.path("tokens");
        JsonNode token = tokens.path(role);
        if (!token.isTextual() || token.asText().isBlank()) {
            List<String> roles = new ArrayList<>();
            tokens.fieldNames().forEachRemaining(roles::add);
            throw new CliException(CliException.USAGE,
                    "local.json has no token for role '" + role + "' (available: " + roles + ")");
        }
        return token.asText();
    }

    private static String text(JsonNode local, String field, String what) {
        JsonNode value = local.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new CliException(CliException.USAGE, "local.json does not name " + what);
        }
        return value.asText();
    }

    private static URI parseApi(String api) {
        try {
            URI uri = URI.create(api.endsWith("/") ? api.substring(0, api.length() - 1) : api);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException("expected http(s)://host[:port]");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new CliException(CliException.USAGE, "invalid API URL '" + api + "': " + e.getMessage(), e);
        }
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
