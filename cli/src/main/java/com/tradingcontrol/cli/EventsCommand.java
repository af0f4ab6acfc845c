package com.tradingcontrol.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "events", mixinStandardHelpOptions = true, description = "Export the event log (for auditors).",
        subcommands = EventsCommand.Export.class)
final class EventsCommand extends GroupCommand {

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Stream events in [from, to) as JSON lines (admin, auditor) to stdout or --output.")
    static final class Export extends ApiCommand {
        @Option(names = "--from", required = true, paramLabel = "TIME", description = "ISO-8601, 'now' or relative (-1h).")
        String from;

        @Option(names = "--to", required = true, paramLabel = "TIME", description = "ISO-8601, 'now' or relative.")
        String to;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;

        @Override
        public Integer call() throws IOException {
            Query query = Query.of().add("from", instant(from, "--from")).add("to", instant(to, "--to"));
            if (output == null) {
                long lines = api().stream("/api/admin/events", query,
                        new LineDecodingStream(spec.commandLine().getOut()));
                out().note("exported " + lines + " events");
                return 0;
            }
            Path file = root().environment().workingDir().resolve(output);
            // Written to a temporary file and moved at the end so a broken stream never leaves a
            // truncated export that looks complete.
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            long lines;
            try (OutputStream sink = Files.newOutputStream(partial)) {
                lines = api().stream("/api/admin/events", query, sink);
            } catch (CliException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            out().line("exported " + lines + " events to " + file);
            return 0;
        }
    }

    /**
     * Passes the NDJSON bytes to the command line's writer (stdout, or the test's) a line at a
     * time, so a multi-byte character is never split across two decodes.
     */
    static final class LineDecodingStream extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private final PrintWriter target;

        LineDecodingStream(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                writeLine();
            }
        }

        @Override
        public void flush() {
            writeLine();
            target.flush();
        }

        private void writeLine() {
            target.write(line.toString(StandardCharsets.UTF_8));
            line.reset();
        }
    }
}
