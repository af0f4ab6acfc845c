package com.tradingcontrol.api.commands;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code wait=<seconds>} from an RFC 7240 {@code Prefer} header; other preferences are ignored, as the RFC asks. */
public final class PreferWait {
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;\\s])wait\\s*=\\s*\"?(\\d{1,9})\"?", Pattern.CASE_INSENSITIVE);

    private PreferWait() {}

    /** The requested wait capped at {@code max}; empty when absent, unparsable or zero. */
    public static Optional<Duration> parse(String prefer, Duration max) {
        if (prefer == null) {
            return Optional.empty();
        }
        Matcher matcher = WAIT.matcher(prefer);
        if (!matcher.find()) {
            return Optional.empty();
        }
        long seconds = Long.parseLong(matcher.group(1));
        if (seconds == 0) {
            return Optional.empty();
        }
        Duration wait = Duration.ofSeconds(seconds);
        return Optional.of(wait.compareTo(max) > 0 ? max : wait);
    }
}
