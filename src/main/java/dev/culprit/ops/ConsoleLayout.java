package dev.culprit.ops;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.util.Locale;
import java.util.Map;

/**
 * The log line format on standard error.
 *
 * <p>Under systemd (the environment has {@code JOURNAL_STREAM} or {@code INVOCATION_ID}) every
 * event is exactly one line without a timestamp, prefixed with its syslog priority so that
 * journald keeps it: {@code <3>} error, {@code <4>} warning, {@code <6>} info, {@code <7>} debug
 * and trace. Line breaks inside a message or a stack trace are folded into {@code " | "}.
 * Elsewhere lines carry a timestamp for people and stack traces span several lines.
 *
 * <p>{@link #setFormat(String)} overrides the detection: {@code auto} (default), {@code journal}
 * or {@code plain}; logback.xml takes it from {@code CULPRIT_LOG_FORMAT}.
 */
public final class ConsoleLayout extends LayoutBase<ILoggingEvent> {
    static final String PLAIN_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{20} - %msg%n";

    private final Map<String, String> environment;
    private final TargetLengthBasedClassNameAbbreviator abbreviator = new TargetLengthBasedClassNameAbbreviator(20);
    private String format = "auto";
    private boolean journal;
    private PatternLayout plain;

    public ConsoleLayout() {
        this(System.getenv());
    }

    ConsoleLayout(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** {@code auto}, {@code journal} or {@code plain}. */
    public void setFormat(String format) {
        this.format = format == null || format.isBlank() ? "auto" : format.strip().toLowerCase(Locale.ROOT);
    }

    /** True when the environment says standard error goes to the systemd journal. */
    static boolean underSystemd(Map<String, String> environment) {
        return isSet(environment.get("JOURNAL_STREAM")) || isSet(environment.get("INVOCATION_ID"));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    boolean journal() {
        return journal;
    }

    @Override
    public void start() {
        journal = switch (format) {
            case "journal" -> true;
            case "plain" -> false;
            case "auto" -> underSystemd(environment);
            default -> {
                addError("log format must be auto, journal or plain: " + format + "; using auto");
                yield underSystemd(environment);
            }
        };
        plain = new PatternLayout();
        plain.setContext(getContext());
        plain.setPattern(PLAIN_PATTERN);
        plain.start();
        super.start();
    }

    @Override
    public void stop() {
        if (plain != null) {
            plain.stop();
        }
        super.stop();
    }

    @Override
    public String doLayout(ILoggingEvent event) {
        if (!journal) {
            return plain.doLayout(event);
        }
        StringBuilder line = new StringBuilder(128);
        line.append('<').append(priority(event.getLevel())).append('>')
                .append(abbreviator.abbreviate(event.getLoggerName())).append(": ")
                .append(oneLine(event.getFormattedMessage()));
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(" | ").append(oneLine(ThrowableProxyUtil.asString(thrown).strip()));
        }
        return line.append('\n').toString();
    }

    /** The syslog priority of a level: 3 error, 4 warning, 6 info, 7 debug. */
    static int priority(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> 3;
            case Level.WARN_INT -> 4;
            case Level.INFO_INT -> 6;
            default -> 7;
        };
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "null";
        }
        return text.replaceAll("\\r?\\n\\t*|\\r", " | ");
    }
}
