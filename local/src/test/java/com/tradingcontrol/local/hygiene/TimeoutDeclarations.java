package com.tradingcontrol.local.hygiene;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a test class's source bounds every test with JUnit's {@code @Timeout}. */
final class TimeoutDeclarations {

    private static final Pattern TIMEOUT = Pattern.compile("@(?:org\\.junit\\.jupiter\\.api\\.)?Timeout\\b");
    private static final Pattern TEST_METHOD = Pattern.compile(
            "@(?:org\\.junit\\.jupiter\\.(?:api|params)\\.)?(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate)\\b");

    private TimeoutDeclarations() {
    }

    /**
     * True if the top-level class carries {@code @Timeout} (it then covers its own, inherited and nested test
     * methods), or if it declares test methods and each of them carries one. {@code code} has no comments.
     */
    static boolean boundsEveryTest(String code, String className) {
        Matcher declaration = Pattern.compile(
                "(?m)^[ \\t]*(?:public\\s+|final\\s+|abstract\\s+)*class\\s+" + Pattern.quote(className) + "\\b")
                .matcher(code);
        if (!declaration.find()) {
            return false;
        }
        String header = code.substring(boundary(code, declaration.start() - 1, -1), declaration.start());
        if (TIMEOUT.matcher(header).find()) {
            return true;
        }
        List<String> blocks = testMethodAnnotationBlocks(code);
        return !blocks.isEmpty() && blocks.stream().allMatch(block -> TIMEOUT.matcher(block).find());
    }

    /** For each test annotation, the text from the end of the previous member to the method's body. */
    private static List<String> testMethodAnnotationBlocks(String code) {
        List<String> blocks = new ArrayList<>();
        Matcher test = TEST_METHOD.matcher(code);
        while (test.find()) {
            blocks.add(code.substring(boundary(code, test.start(), -1), boundary(code, test.start(), +1)));
        }
        return blocks;
    }

    /** The nearest ';', '{' or '}' outside parentheses in the given direction (annotation values may hold braces). */
    private static int boundary(String code, int from, int step) {
        int depth = 0;
        for (int i = from; i >= 0 && i < code.length(); i += step) {
            char c = code.charAt(i);
            if (c == '(' || c == ')') {
                depth += (c == '(') == (step > 0) ? 1 : -1;
            } else if (depth == 0 && (c == ';' || c == '{' || c == '}')) {
                return step > 0 ? i : i + 1;
            }
        }
        return step > 0 ? code.length() : 0;
    }
}
