package com.tradingcontrol.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.tradingcontrol.schemas.config.PlatformKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/operations.md has one table of every configuration key: a key the code reads and the table
 * lacks, or a key the table names and no service reads, fails here.
 */
class ConfigurationTableTest {
    private static final Path OPERATIONS = Path.of("..", "docs", "operations.md");
    private static final String START = "<!-- configuration-keys -->";
    private static final String END = "<!-- /configuration-keys -->";
    private static final Pattern ROW_KEY = Pattern.compile("^\\| `([^`]+)` \\|", Pattern.MULTILINE);

    @Test
    void theTableNamesEveryKeyAndNoOther() throws Exception {
        Set<String> documented = documented(Files.readString(OPERATIONS));
        Set<String> read = new TreeSet<>(PlatformKeys.ALL.keys());
        PlatformKeys.ALL.prefixes().forEach(prefix -> read.add(prefix + "<"));

        Set<String> missing = new TreeSet<>(read);
        missing.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(read);

        assertThat(missing).as("keys the services read, missing from the table in docs/operations.md").isEmpty();
        assertThat(unknown).as("keys in the table of docs/operations.md that no service reads").isEmpty();
    }

    @Test
    void oldKeysAreNotInTheTable() throws Exception {
        assertThat(documented(Files.readString(OPERATIONS))).doesNotContainAnyElementsOf(PlatformKeys.RENAMED.keySet());
    }

    /** The first column of the table's rows; {@code processor.streams.<kafka key>} stands for its prefix. */
    static Set<String> documented(String markdown) {
        int start = markdown.indexOf(START);
        int end = markdown.indexOf(END);
        assertThat(start).as("the key table's markers in docs/operations.md").isNotNegative().isLessThan(end);
        Matcher row = ROW_KEY.matcher(markdown.substring(start, end));
        Set<String> keys = new TreeSet<>();
        while (row.find()) {
            String key = row.group(1);
            keys.add(key.contains("<") ? key.substring(0, key.indexOf('<') + 1) : key);
        }
        return keys;
    }
}
