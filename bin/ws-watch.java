// ws-watch: prints the messages of a Trading Control Plane websocket, one JSON per line.
// Run with the JDK alone (no build, no websocat needed):
//   java bin/ws-watch.java [--role ROLE] [--local-json PATH] [--path /ws/trading] [--count N]
// The URL and the token come from the local launcher's local.json (default: $TCP_LOCAL_JSON, else
// ./data/local.json). It exits after N messages when --count is given, else on Ctrl-C.
// A single-file program rather than a CLI subcommand so it needs nothing but `java`; it reads
// local.json with two regexes because a single-file program cannot pull in a JSON library.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class WsWatch {
    public static void main(String[] args) throws Exception {
        String role = "admin", path = "/ws/trading";
        String localJson = System.getenv().getOrDefault("TCP_LOCAL_JSON", "data/local.json");
        long count = Long.MAX_VALUE;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--role" -> role = args[i + 1];
                case "--local-json" -> localJson = args[i + 1];
                case "--path" -> path = args[i + 1];
                case "--count" -> count = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String json = Files.readString(Path.of(localJson));
        String ws = field(json, "\"ws\"\\s*:\\s*\"([^\"]+)\"", "ws");
        String token = field(json, "\"" + Pattern.quote(role) + "\"\\s*:\\s*\"([^\"]+)\"", "tokens." + role);
        CountDownLatch done = new CountDownLatch(1);
        long limit = count;
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();
            private long seen;

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    System.out.println(partial);
                    partial.setLength(0);
                    if (++seen >= limit) {
                        done.countDown();
                    }
                }
                socket.request(1);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                System.err.println("closed: " + status + " " + reason);
                done.countDown();
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                System.err.println("error: " + error);
                done.countDown();
            }
        };
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + token)
                .buildAsync(URI.create(ws + path), listener).join();
        System.err.println("connected to " + ws + path + " as " + role);
        done.await();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }

    private static String field(String json, String regex, String name) {
        Matcher m = Pattern.compile(regex).matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException("local.json has no " + name);
        }
        return m.group(1);
    }
}
