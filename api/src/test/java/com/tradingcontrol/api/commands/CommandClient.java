package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.support.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Sends command requests to the running app. */
final class CommandClient {
    private final Http http;

    CommandClient(Http http) {
        this.http = http;
    }

    /** @param headers name/value pairs */
    HttpResponse<String> send(String method, String path, String token, String json, String... headers) {
        HttpRequest.Builder builder = http.request(path)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return http.send(builder.build());
    }

    HttpResponse<String> post(String path, String token, String json, String... headers) {
        return send("POST", path, token, json, headers);
    }

    /** POST with {@code Prefer: wait=5}. */
    HttpResponse<String> postWaiting(String path, String token, String json, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Prefer";
        all[1] = "wait=5";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send("POST", path, token, json, all);
    }
}
