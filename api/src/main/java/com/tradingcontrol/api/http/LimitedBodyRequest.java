package com.tradingcontrol.api.http;

import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A request whose body stream fails with 413 once more than the limit has been read, and with 408
 * once it arrives slower than its {@link BodyPace}.
 */
final class LimitedBodyRequest extends HttpServletRequestWrapper {
    private final long maxBytes;
    private final BodyPace pace;
    private ServletInputStream stream;

    LimitedBodyRequest(HttpServletRequest request, long maxBytes, BodyPace pace) {
        super(request);
        this.maxBytes = maxBytes;
        this.pace = pace;
    }

    @Override
    public synchronized ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new CountingStream(super.getInputStream(), maxBytes, pace);
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
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
