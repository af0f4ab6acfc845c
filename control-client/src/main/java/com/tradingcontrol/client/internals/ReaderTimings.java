package com.tradingcontrol.client.internals;

import java.time.Duration;

/**
 * The reader's timings, derived from the lease so it confirms often enough to stay fresh: it
 * checks the end offsets every lease/5 and gives each check at most lease/2, so a single slow
 * check never costs the lease by itself.
 *
 * @param poll          longest wait for records in one poll
 * @param checkInterval how often the end offsets are checked
 * @param check         timeout of one metadata / end-offset request
 * @param backoff       wait after a failure
 */
record ReaderTimings(Duration poll, Duration checkInterval, Duration check, Duration backoff) {

    static ReaderTimings forLease(Duration lease) {
        Duration fifth = lease.dividedBy(5);
        return new ReaderTimings(min(fifth, Duration.ofMillis(200)), fifth, lease.dividedBy(2),
                min(fifth, Duration.ofMillis(500)));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
