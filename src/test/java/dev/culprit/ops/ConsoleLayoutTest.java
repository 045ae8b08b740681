package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleLayoutTest {
    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("dev.culprit.spool.Spool");

    private ConsoleLayout layout(Map<String, String> env, String format) {
        ConsoleLayout layout = new ConsoleLayout(env);
        layout.setContext(context);
        layout.setFormat(format);
        layout.start();
        return layout;
    }

    private LoggingEvent event(Level level, String message, Throwable thrown, Object... args) {
        return new LoggingEvent("x", logger, level, message, thrown, args);
    }

    @Test
    void detectsSystemdFromJournalStreamOrInvocationId() {
        assertThat(ConsoleLayout.underSystemd(Map.of("JOURNAL_STREAM", "8:12345"))).isTrue();
        assertThat(ConsoleLayout.underSystemd(Map.of("INVOCATION_ID", "0f1e2d"))).isTrue();
        assertThat(ConsoleLayout.underSystemd(Map.of("JOURNAL_STREAM", ""))).isFalse();
        assertThat(ConsoleLayout.underSystemd(Map.of("HOME", "/root"))).isFalse();
    }

    @Test
    void journalLinesCarryTheSyslogPriorityAndNoTimestamp() {
        ConsoleLayout layout = layout(Map.of("JOURNAL_STREAM", "8:1"), "auto");
        assertThat(layout.doLayout(event(Level.ERROR, "cannot send {}", null, "abc123")))
                .isEqualTo("<3>d.c.spool.Spool: cannot send abc123\n");
        assertThat(layout.doLayout(event(Level.WARN, "w", null))).startsWith("<4>");
        assertThat(layout.doLayout(event(Level.INFO, "i", null))).startsWith("<6>");
        assertThat(layout.doLayout(event(Level.DEBUG, "d", null))).startsWith("<7>");
        assertThat(layout.doLayout(event(Level.TRACE, "t", null))).startsWith("<7>");
    }

    @Test
    void journalFoldsMultiLineMessagesAndStackTracesIntoOneLine() {
        ConsoleLayout layout = layout(Map.of("INVOCATION_ID", "1"), "auto");
        String line = layout.doLayout(event(Level.WARN, "first\nsecond\r\nthird",
                new IOException("disk full", new IllegalStateException("inner"))));
        assertThat(line).endsWith("\n");
        assertThat(line.substring(0, line.length() - 1)).doesNotContain("\n", "\r");
        assertThat(line).startsWith("<4>d.c.spool.Spool: first | second | third | java.io.IOException: disk full | at ")
                .contains("Caused by: java.lang.IllegalStateException: inner");
    }

    @Test
    void plainLinesStartWithATimestamp() {
        ConsoleLayout layout = layout(Map.of(), "auto");
        String line = layout.doLayout(event(Level.INFO, "scanned {} logs", null, 3));
        assertThat(line).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  d\\.c\\.spool\\.Spool - scanned 3 logs\\R");
    }

    @Test
    void formatSettingOverridesDetection() {
        assertThat(layout(Map.of("JOURNAL_STREAM", "8:1"), "plain").journal()).isFalse();
        assertThat(layout(Map.of(), "journal").journal()).isTrue();
        assertThat(layout(Map.of("INVOCATION_ID", "1"), "nonsense").journal()).isTrue();
    }
}
