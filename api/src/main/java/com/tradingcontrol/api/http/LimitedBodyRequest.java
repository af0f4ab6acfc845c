package com.tradingcontrol.api.http;

import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body was read in full, within its size limit (413) and {@link BodyPace} (408), before
 * anything else looked at the request. Reading it first keeps the connection reusable: a request
 * answered early (401, 403) with its body still unread — or only half arrived — made Jetty close the
 * connection after the answer, and a client that had already reused it (the JDK's HttpClient, the CLI)
 * got "header parser received no bytes" on its next request.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    private LimitedBodyRequest(HttpServletRequest request, byte[] body) {
        super(request);
        this.body = body;
    }

    /**
     * Reads the body of {@code request}; the returned request serves it from memory.
     *
     * @throws jakarta.ws.rs.WebApplicationException 413 or 408 as problems, when the body breaks a limit
     */
    static LimitedBodyRequest read(HttpServletRequest request, long maxBytes, BodyPace pace) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CountingStream in = new CountingStream(request.getInputStream(), maxBytes, pace)) {
            in.transferTo(out);
        }
        return new LimitedBodyRequest(request, out.toByteArray());
    }

    @Override
    public ServletInputStream getInputStream() {
        return new Buffered(new ByteArrayInputStream(body));
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    /** The body from memory: always ready, finished once read. */
    static final class Buffered extends ServletInputStream {
        private final ByteArrayInputStream bytes;

        Buffered(ByteArrayInputStream bytes) {
            this.bytes = bytes;
        }

        Buffered(byte[] content) {
            this(new ByteArrayInputStream(content));
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }

    static final class CountingStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private final long maxBytes;
        private final BodyPace pace;
        private long count;
        /** When the application first asked for the body: time spent before that is the server's, not the client's. */
        private long startNanos;
        private boolean started;

        CountingStream(ServletInputStream delegate, long maxBytes, BodyPace pace) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.pace = pace;
        }

        @Override
        public int read() throws IOException {
            start();
            int b = delegate.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            start();
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void start() {
            if (!started) {
                started = true;
                startNanos = pace.now();
            }
        }

        // An unchecked WebApplicationException passes through Jackson and Jersey to our mapper unchanged.
        private void add(int n) {
            count += n;
            if (count > maxBytes) {
                throw new ApiException(ProblemCode.PAYLOAD_TOO_LARGE, BodySizeLimitFilter.tooLarge(maxBytes));
            }
            pace.check(startNanos, count);
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
