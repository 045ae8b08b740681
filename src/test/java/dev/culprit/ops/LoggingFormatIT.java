package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's logback.xml in a real JVM, with and without a (simulated) systemd journal. */
class LoggingFormatIT {
    @TempDir
    Path dir;

    private List<String> stderrLines(Consumer<Map<String, String>> env) {
        URL config = LoggingFormatIT.class.getResource("/logback.xml");
        assertThat(config).as("logback.xml on the class path").isNotNull();
        List<String> cmd = new ArrayList<>(ChildProcess.java(LogLines.class));
        cmd.add(1, "-Dlogback.configurationFile=" + config);
        ChildProcess p = ChildProcess.run(cmd, dir, env, 300);
        assertThat(p.exitCode()).isZero();
        assertThat(p.stdout()).as("logs never go to standard output").isEmpty();
        return p.stderr().lines().toList();
    }

    @Test
    void underJournaldEveryEventIsOneLineWithItsPriorityAndNoTimestamp() {
        List<String> lines = stderrLines(env -> env.put("JOURNAL_STREAM", "8:4242"));
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0)).isEqualTo("<3>d.c.spool.Spool: inbox/4711.log: cannot claim");
        assertThat(lines.get(1)).isEqualTo("<4>d.c.spool.Spool: inbox/4712.log: no final summary yet");
        assertThat(lines.get(2)).isEqualTo("<6>d.c.spool.Spool: inbox/4713.log: claimed");
        assertThat(lines.get(3)).isEqualTo("<7>d.c.spool.Spool: inbox/4714.log: settling");
        assertThat(lines.get(4)).startsWith("<3>d.c.spool.Spool: inbox/4715.log: moved to failed/ | "
                + "java.lang.IllegalStateException: two lines | of message | at dev.culprit.ops.LogLines.main(");
    }

    @Test
    void invocationIdAloneAlsoMeansJournald() {
        List<String> lines = stderrLines(env -> env.put("INVOCATION_ID", "5c1d0e2f9a8b4c7d"));
        assertThat(lines).hasSize(5).allMatch(l -> l.matches("<[3467]>.*"));
    }

    @Test
    void elsewhereLinesStartWithATimestampAndStackTracesSpanLines() {
        List<String> lines = stderrLines(env -> {});
        String stamp = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";
        assertThat(lines.get(0)).matches(stamp + "ERROR d\\.c\\.spool\\.Spool - inbox/4711\\.log: cannot claim");
        assertThat(lines.get(2)).matches(stamp + "INFO  d\\.c\\.spool\\.Spool - inbox/4713\\.log: claimed");
        assertThat(lines).noneMatch(l -> l.startsWith("<"));
        assertThat(lines.size()).isGreaterThan(5);
    }

    @Test
    void theEnvironmentCanForceEitherFormat() {
        assertThat(stderrLines(env -> env.put("CULPRIT_LOG_FORMAT", "journal")).get(2))
                .isEqualTo("<6>d.c.spool.Spool: inbox/4713.log: claimed");
        assertThat(stderrLines(env -> {
            env.put("JOURNAL_STREAM", "8:4242");
            env.put("CULPRIT_LOG_FORMAT", "plain");
        }).get(2)).contains(" INFO  d.c.spool.Spool - inbox/4713.log: claimed");
    }
}
