package com.tradingcontrol.api.console;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The operator console's static files, served from the API jar ({@code console/} on the classpath)
 * under {@code /console/}. Only names of known types are served (no directory listings, no path
 * tricks: a name is letters, digits, dots, dashes and one optional folder). Each answer carries a
 * strong ETag and {@code Cache-Control: no-cache}: the browser keeps the file but asks again on every
 * load, so a new API version is never run with an old script while an unchanged file costs a 304.
 */
public final class ConsoleAssets extends HttpServlet {
    static final String ROOT = "console/";
    private static final Pattern NAME = Pattern.compile("([a-z0-9-]+/)?[a-z0-9-]+\\.[a-z]+");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png");

    private record Asset(byte[] bytes, String type, String etag) {}

    /** Files found so far; misses are not kept, so requests for made-up names cannot grow it. */
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            // "/console" without the slash: relative module URLs need the folder form.
            response.sendRedirect("/console/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        Optional<Asset> asset = NAME.matcher(name).matches() ? find(name) : Optional.empty();
        if (asset.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ConsoleHeaders.apply(request, response);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", asset.get().etag());
        if (asset.get().etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.get().type());
        response.setContentLength(asset.get().bytes().length);
        response.getOutputStream().write(asset.get().bytes());
    }

    private Optional<Asset> find(String name) {
        Asset known = cache.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Asset> loaded = load(name);
        loaded.ifPresent(asset -> cache.put(name, asset));
        return loaded;
    }

    private static Optional<Asset> load(String name) {
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new Asset(bytes, type, '"' + sha256(bytes) + '"'));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console asset " + name, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
