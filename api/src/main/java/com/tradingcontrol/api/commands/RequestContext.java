package com.tradingcontrol.api.commands;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.MDC;

/**
 * Runs a request's continuations on a shared executor with the request's logging context (the
 * request id that problem bodies and log lines carry), captured on the request thread.
 */
final class RequestContext {
    private RequestContext() {}

    static Executor carryingMdc(Executor delegate) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        return task -> {
            Runnable withContext = () -> run(context, task);
            try {
                delegate.execute(withContext);
            } catch (RejectedExecutionException e) {
                // Shutting down: answer on the completing thread rather than leave the request hanging.
                withContext.run();
            }
        };
    }

    private static void run(Map<String, String> context, Runnable task) {
        Map<String, String> outer = MDC.getCopyOfContextMap();
        set(context);
        try {
            task.run();
        } finally {
            set(outer);
        }
    }

    private static void set(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
