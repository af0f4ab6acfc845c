package com.tradingcontrol.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A JDK websocket client that queues the JSON messages it receives. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closedByServer = new CompletableFuture<>();
    private WebSocket socket;

    /** Connects with the token in the Authorization header (null: no header). */
    public static WsClient connect(int port, String pathAndQuery, String token) {
        WsClient client = new WsClient();
        WebSocket.Builder builder = Http.client().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), client).join();
        return client;
    }

    /** The HTTP response of a refused handshake; fails if the upgrade succeeded. */
    public static HttpResponse<?> refusedHandshake(int port, String pathAndQuery, String token) {
        try {
            WsClient client = connect(port, pathAndQuery, token);
            client.close();
            throw new AssertionError("handshake to " + pathAndQuery + " was accepted");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse();
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(Http.JSON.readTree(partial.toString()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closedByServer.complete(statusCode);
        return null;
    }

    /** Completes with the status code of a close the server started. */
    public CompletableFuture<Integer> closedByServer() {
        return closedByServer;
    }

    public JsonNode next() {
        try {
            JsonNode message = messages.poll(5, TimeUnit.SECONDS);
            assertThat(message).as("a websocket message within 5s").isNotNull();
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        if (closedByServer.isDone() || socket.isOutputClosed()) {
            return; // the server ended it; the JDK answers its close frame itself
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
}
