package dev.culprit.ops;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs one event at each level with the application's logback.xml; started by {@link LoggingFormatIT}. */
final class LogLines {
    public static void main(String[] args) {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        ((ch.qos.logback.classic.Logger) root).setLevel(Level.DEBUG);
        Logger log = LoggerFactory.getLogger("dev.culprit.spool.Spool");
        log.error("inbox/4711.log: cannot claim");
        log.warn("inbox/4712.log: no final summary yet");
        log.info("inbox/4713.log: claimed");
        log.debug("inbox/4714.log: settling");
        log.error("inbox/4715.log: moved to failed/", new IllegalStateException("two lines\nof message"));
    }

    private LogLines() {}
}
