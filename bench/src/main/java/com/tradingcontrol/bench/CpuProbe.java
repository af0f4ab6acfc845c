package com.tradingcontrol.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the machine's CPU went during a measured window, per command: the whole process (JIT and GC
 * included) and the busiest thread groups (thread names with digits folded, e.g. the broker's request
 * handlers, the stream thread, the projector). Everything runs in this JVM, so on 2 cores
 * {@code 2000 / cpu_ms_per_command} is the ceiling on commands/s whatever else is tuned.
 */
final class CpuProbe {

    private static final int TOP_GROUPS = 8;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long processStart;
    private final Map<Long, Long> threadStart = new HashMap<>();
    private final long wallStart = System.nanoTime();

    CpuProbe() {
        processStart = os.getProcessCpuTime();
        for (long id : threads.getAllThreadIds()) {
            threadStart.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
    }

    /** CPU ms per unit of work (e.g. per accepted command) since construction, overall and per thread group. */
    Map<String, Object> perUnit(long units) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (units <= 0) {
            return out;
        }
        double processMs = (os.getProcessCpuTime() - processStart) / 1e6;
        double wallMs = (System.nanoTime() - wallStart) / 1e6;
        out.put("cpu_ms_per_command", round(processMs / units));
        out.put("cpu_cores_busy", round(processMs / wallMs));
        out.put("cpu_bound_commands_per_s", Math.round(Runtime.getRuntime().availableProcessors() * 1000.0
                / (processMs / units)));
        Map<String, Long> groups = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                groups.merge(group(info.getThreadName()), cpu - threadStart.getOrDefault(id, 0L), Long::sum);
            }
        }
        long javaThreads = groups.values().stream().mapToLong(Long::longValue).sum();
        // JIT compiler, GC and other VM threads are not Java threads: what the process used beyond them.
        out.put("cpu_ms_per_command[jit+gc+vm]", round((processMs - javaThreads / 1e6) / units));
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(TOP_GROUPS)
                .forEach(e -> out.put("cpu_ms_per_command[" + e.getKey() + "]", round(e.getValue() / 1e6 / units)));
        return out;
    }

    private static String group(String threadName) {
        String folded = threadName.replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "<id>").replaceAll("\\d+", "N");
        return folded.length() > 60 ? folded.substring(0, 60) : folded;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }
}
