package com.tradingcontrol.local.hygiene;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test sources of every module of the repository, read as text with comments blanked out. */
final class TestSources {

    private TestSources() {
    }

    /** The directory holding the root pom.xml (the one listing modules), found upwards from the working dir. */
    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<modules>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no pom.xml with <modules> above " + Path.of("").toAbsolutePath());
    }

    /** Every {@code *.java} under {@code <module>/src/test/java}, as paths relative to the root, sorted. */
    static List<Path> javaFiles(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            return modules.map(module -> module.resolve("src/test/java")).filter(Files::isDirectory)
                    .flatMap(TestSources::walk)
                    .filter(file -> file.getFileName().toString().endsWith(".java"))
                    .map(root::relativize).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source with comments replaced by spaces (string literals kept), so that a {@code @Timeout} or a
     * {@code Thread.sleep} mentioned in a comment neither counts nor hides anything.
     */
    static String code(Path file) {
        return stripComments(read(file));
    }

    static String stripComments(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(src, i);
                out.append(src, i, end);
                i = end;
            } else if (src.startsWith("//", i)) {
                int end = src.indexOf('\n', i);
                i = end < 0 ? src.length() : end;
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2);
                int stop = end < 0 ? src.length() : end + 2;
                src.substring(i, stop).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
                i = stop;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int endOfLiteral(String src, int start) {
        char quote = src.charAt(start);
        if (src.startsWith("\"\"\"", start)) {
            int end = src.indexOf("\"\"\"", start + 3);
            return end < 0 ? src.length() : end + 3;
        }
        int i = start + 1;
        while (i < src.length() && src.charAt(i) != quote && src.charAt(i) != '\n') {
            i += src.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, src.length());
    }

    private static Stream<Path> walk(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
