package com.tradingcontrol.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code tcp}: the operator command line for the Trading Control Plane REST API. */
@Command(name = "tcp", mixinStandardHelpOptions = true, versionProvider = TcpCli.Version.class,
        description = "Operate the Trading Control Plane through its REST API.",
        subcommands = {PauseCommand.class, ResumeCommand.class, ReduceOnlyCommand.class, KillSwitchCommand.class,
                MaintenanceCommand.class, ConfigCommand.class, ProfilesCommand.class, AuditCommand.class,
                StateCommand.class, StatusCommand.class, EventsCommand.class, ProjectionsCommand.class,
                DriftCheckCommand.class, EffectiveCommand.class, WhoamiCommand.class, CommandsCommand.class,
                EnginesCommand.class, PropagationCommand.class, TwoPersonCommand.class},
        footerHeading = "%n",
        footer = {"API URL and token are resolved in this order:",
                "  1. the flags --api / --token (an explicit --role also counts as a flag),",
                "  2. the environment variables TCP_API_URL / TCP_TOKEN,",
                "  3. the local launcher's local.json: --local-json PATH, else $TCP_LOCAL_JSON,",
                "     else ./data/local.json; the token is the one for --role (default: admin).",
                "",
                "Exit codes:",
                "  0  ok",
                "  1  rejected by the platform (4xx), audit chain broken, or drift found",
                "  2  usage or local configuration error",
                "  3  API unreachable, timed out, or failing (5xx)"})
public final class TcpCli implements Runnable {

    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Spec
    CommandSpec spec;

    @Option(names = "--api", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "API base URL, e.g. http://127.0.0.1:8080.")
    String api;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT, description = "Bearer token (JWT).")
    String token;

    @Option(names = "--role", paramLabel = "NAME", scope = ScopeType.INHERIT,
            description = "Use local.json's token for this role (admin, operator, auditor, customer-a, ...).")
    String role;

    @Option(names = "--local-json", paramLabel = "PATH", scope = ScopeType.INHERIT,
            description = "The local launcher's local.json.")
    Path localJson;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the raw JSON response.")
    boolean json;

    /** Set by write commands from their {@code --request-id}; reads always generate one. */
    private String requestId;

    private final Environment environment;
    private final ObjectMapper mapper = new ObjectMapper();
    private ApiClient client;

    public TcpCli(Environment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Environment.system()).execute(args));
    }

    /** A ready-to-execute command line; tests call this with their own environment. */
    public static CommandLine commandLine(Environment environment) {
        CommandLine commandLine = new CommandLine(new TcpCli(environment));
        commandLine.setExecutionExceptionHandler(new ErrorHandler());
        commandLine.registerConverter(Duration.class, TimeArgs::duration);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    Environment environment() {
        return environment;
    }

    boolean jsonOutput() {
        return json;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    Output output() {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
    }

    void useRequestId(String requestId) {
        this.requestId = requestId;
    }

    ApiClient client() {
        if (client == null) {
            if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
                throw new CliException(CliException.USAGE,
                        "--request-id must be 1-128 characters of [A-Za-z0-9._:-], got '" + requestId + "'");
            }
            Connection connection = new ConnectionResolver(environment, mapper)
                    .resolve(new ConnectionResolver.Flags(api, token, role, localJson));
            client = new ApiClient(connection, requestId != null ? requestId : "cli-" + UUID.randomUUID(), mapper);
        }
        return client;
    }

    /** Reads the version the build wrote into tcp-cli-version.properties. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = TcpCli.class.getResourceAsStream("/tcp-cli-version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            }
            return new String[] {"tcp " + properties.getProperty("version", "unknown")};
        }
    }
}
