package com.tradingcontrol.api.http;

import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import io.dropwizard.request.logging.RequestLogFactory;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of the request log. Websocket clients may pass their token as an
 * {@code access_token} query parameter, so the request log must log the path without the query
 * (Dropwizard's default pattern logs the full request line). Appenders without a format get
 * {@link #SAFE_PATTERN}; a configured format that would reveal the query or the Authorization
 * header stops startup, naming the key.
 */
public final class RequestLogFormat {
    public static final String SAFE_PATTERN =
            "%h %u [%t{yyyy-MM-dd'T'HH:mm:ss.SSSX,UTC}] \"%m %U %H\" %s %b %D rid=%responseHeader{x-request-id}";
    private static final Pattern REVEALING = Pattern.compile(
            "%(r|requestURL|q|queryString|fullRequest)(?![A-Za-z])|access_token|\\{authorization}",
            Pattern.CASE_INSENSITIVE);

    private RequestLogFormat() {}

    public static void enforce(ServerFactory serverFactory) {
        if (!(serverFactory instanceof AbstractServerFactory server)) {
            return;
        }
        RequestLogFactory<?> factory = server.getRequestLogFactory();
        if (!(factory instanceof LogbackAccessRequestLogFactory logback)) {
            return;
        }
        List<? extends AppenderFactory<?>> appenders = logback.getAppenders();
        for (int i = 0; i < appenders.size(); i++) {
            if (appenders.get(i) instanceof AbstractAppenderFactory<?> appender) {
                enforce(appender, "server.requestLog.appenders[" + i + "].logFormat");
            }
        }
    }

    private static void enforce(AbstractAppenderFactory<?> appender, String key) {
        String format = appender.getLogFormat();
        if (format == null) {
            appender.setLogFormat(SAFE_PATTERN);
        } else if (REVEALING.matcher(format).find()) {
            throw new IllegalArgumentException(key + " must not log the query string or the Authorization header "
                    + "(websocket tokens travel there); use %U instead of %r");
        }
    }
}
