package com.tradingcontrol.local.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the whole suite deterministic (issue 15, item 9): every integration test is bounded in time, and
 * nothing sleeps except where {@link SleepAllowList} says why. Lives in {@code local} only because that
 * module is built last but one; it reads the sources of every module from the repository root.
 */
class TestSuiteHygieneTest {

    private static final Path ROOT = TestSources.repositoryRoot();
    private static final List<Path> SOURCES = TestSources.javaFiles(ROOT);
    private static final Pattern SLEEP = Pattern.compile("\\.sleep\\s*\\(|\\bLockSupport\\s*\\.\\s*park");

    @Test
    void everyIntegrationTestHasATimeout() {
        List<String> unbounded = SOURCES.stream()
                .filter(file -> file.getFileName().toString().endsWith("IT.java"))
                .filter(file -> !TimeoutDeclarations.boundsEveryTest(TestSources.code(ROOT.resolve(file)), className(file)))
                .map(Path::toString).toList();

        assertThat(SOURCES).as("test sources found under " + ROOT).isNotEmpty();
        assertThat(unbounded).as("""
                integration tests without a timeout: annotate each class with @Timeout(<seconds>) \
                (org.junit.jupiter.api.Timeout), a few times its observed duration and above its own \
                deadlines, so a hang fails that test instead of stalling CI""").isEmpty();
    }

    @Test
    void testsSleepOnlyWhereTheAllowListSaysWhy() {
        Map<String, Integer> sleeps = sleepsPerFile();
        List<String> problems = new ArrayList<>();
        sleeps.forEach((file, count) -> {
            SleepAllowList.Allowed allowed = SleepAllowList.ENTRIES.get(file);
            if (allowed == null || allowed.sleeps() != count) {
                problems.add(file + ": " + count + " sleep(s), allow-list says " + (allowed == null ? 0 : allowed.sleeps()));
            }
        });
        SleepAllowList.ENTRIES.keySet().stream().filter(file -> !sleeps.containsKey(file))
                .forEach(file -> problems.add(file + ": allowed to sleep but no longer does (remove the entry)"));

        assertThat(problems).as("""
                sleeps in test sources differ from SleepAllowList. A fixed sleep followed by an assertion \
                (above all one of absence) is not allowed: wait for a positive condition with a deadline, or \
                prove absence with a barrier (send a later marker, wait for it, then assert). Pacing a load \
                or spacing the polls of a deadline-bounded loop is fine: add or update the entry with a one-line \
                reason""").isEmpty();
    }

    private static Map<String, Integer> sleepsPerFile() {
        Map<String, Integer> sleeps = new TreeMap<>();
        for (Path file : SOURCES) {
            Matcher sleep = SLEEP.matcher(TestSources.code(ROOT.resolve(file)));
            int count = 0;
            while (sleep.find()) {
                count++;
            }
            if (count > 0) {
                sleeps.put(file.toString().replace('\\', '/'), count);
            }
        }
        return sleeps;
    }

    private static String className(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".java".length());
    }
}
