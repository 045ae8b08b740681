package dev.culprit.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MboxWriterTest {
    @Test
    void escapesFromLinesInTheBodyAndUsesLfLineEnds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MboxWriter w = new MboxWriter(out);
        byte[] msg = ("Subject: s\r\nFrom: a@b.org\r\n\r\nFrom here\r\n>From there\r\nFromage\r\n").getBytes(StandardCharsets.US_ASCII);
        w.write(msg, "culprit@example.org", Instant.parse("2026-01-02T03:04:05Z"));
        w.write("Subject: t\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII), "culprit@example.org", Instant.parse("2026-01-12T13:04:05Z"));
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(
                "From culprit@example.org Fri Jan  2 03:04:05 2026\n"
                        + "Subject: s\nFrom: a@b.org\n\n>From here\n>>From there\nFromage\n\n"
                        + "From culprit@example.org Mon Jan 12 13:04:05 2026\n"
                        + "Subject: t\n\nx\n\n");
    }
}
