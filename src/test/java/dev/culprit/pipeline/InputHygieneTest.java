package dev.culprit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.cli.Culprit;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.Outcome;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Problem;
import dev.culprit.model.Recipient;
import dev.culprit.model.Sidecar;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The holes of hostile variants of a real log (syzbot's bisection of "WARNING in bpf_check",
 * early 2020), each closed: an encoded-word address from any source is refused with a reason, and
 * a bare CR inside a line is read as a space.
 */
class InputHygieneTest {
    private static final Path REAL = Path.of("src/test/resources/corpus/cause-culprit-2020-cc-real-seed.txt");
    private static final String HASH = "94dacdbd5d2dfa2cffd308f128d78c99f855f5be";
    private static final String TITLE = "bpf: Tighten the requirements for preallocated hash maps";
    private static final String ENCODED = "=?UTF-8?Q?=0A?=@example.org";
    private static final String REFUSED = "an RFC 2047 encoded-word (=?charset?encoding?text?=) is not allowed in an address";

    private static String real() throws Exception {
        return Files.readString(REAL, StandardCharsets.UTF_8);
    }

    private static PreparedMail prepare(String log, Sidecar sidecar) throws Exception {
        return new Culprit(CulpritConfig.defaults(), GoldenTest.CLOCK).pipeline().prepare("real.log", new StringReader(log), sidecar);
    }

    private static String headers(PreparedMail m) {
        String t = new String(m.message(), StandardCharsets.UTF_8);
        return t.substring(0, t.indexOf("\r\n\r\n"));
    }

    private static void assertRefused(PreparedMail m, String where) {
        assertThat(m.recipients()).extracting(Recipient::address).doesNotContain(ENCODED).contains("tglx@linutronix.de");
        assertThat(headers(m)).doesNotContain("=?UTF-8?Q?=0A?=");
        assertThat(m.problems()).extracting(Problem::message)
                .anySatisfy(p -> assertThat(p).startsWith("dropped an address " + where).contains(REFUSED).contains("\"" + ENCODED + "\""));
    }

    @Test
    void anEncodedWordAddressInTheLogsCcListIsRefusedWithAReason() throws Exception {
        String log = real().replace("cc: [\"andriin@fb.com\" ", "cc: [\"" + ENCODED + "\" \"andriin@fb.com\" ");
        PreparedMail m = prepare(log, null);
        assertRefused(m, "named by the bisection (cc list)");
        assertThat(m.recipients()).extracting(Recipient::address).contains("andriin@fb.com");
    }

    @Test
    void anEncodedWordAddressInACommitTrailerIsRefusedWithAReason() throws Exception {
        String log = real().replace("    Signed-off-by: Alexei Starovoitov <ast@kernel.org>\n",
                "    Signed-off-by: Alexei Starovoitov <ast@kernel.org>\n    Acked-by: " + ENCODED + "\n");
        assertRefused(prepare(log, null), "Acked-by on the culprit commit 94dacdbd5d2d");
    }

    @Test
    void anEncodedWordDisplayNameInACommitTrailerIsRefusedWithAReason() throws Exception {
        String log = real().replace("    Signed-off-by: Alexei Starovoitov <ast@kernel.org>\n",
                "    Signed-off-by: Alexei Starovoitov <ast@kernel.org>\n    Tested-by: =?UTF-8?B?Ym9zc0BleGFtcGxlLm9yZw==?= <tester@example.org>\n");
        PreparedMail m = prepare(log, null);
        assertThat(m.recipients()).extracting(Recipient::address).doesNotContain("tester@example.org");
        assertThat(m.problems()).extracting(Problem::message).anySatisfy(p -> assertThat(p)
                .startsWith("dropped an address Tested-by on the culprit commit 94dacdbd5d2d: display name: " + REFUSED));
    }

    @Test
    void anEncodedWordAddressInTheSidecarIsRefusedWithAReason() throws Exception {
        Sidecar sidecar = new Sidecar(null, null, null, null, null, List.of(ENCODED), List.of());
        assertRefused(prepare(real(), sidecar), "named by the bisection job (sidecar to)");
    }

    @Test
    void aBareCarriageReturnInTheCulpritsTitleIsReadAsASpace() throws Exception {
        PreparedMail plain = prepare(real(), null);
        String log = real().replace("first bad commit: " + HASH + " bpf: Tighten the", "first bad commit: " + HASH + " bpf: Tighten\rthe")
                .replace("    bpf: Tighten the requirements", "    bpf: Tighten\rthe requirements");
        PreparedMail m = prepare(log, null);
        assertThat(m.report().outcome()).isEqualTo(Outcome.CULPRIT);
        assertThat(m.report().culpritHash()).isEqualTo(HASH);
        assertThat(m.report().culpritTitle()).isEqualTo(TITLE);
        assertThat(m.key()).isEqualTo(plain.key());
        assertThat(m.recipients()).isEqualTo(plain.recipients());
    }

    @Test
    void crlfLineEndsStayLineEndsAndGiveTheSameResult() throws Exception {
        PreparedMail plain = prepare(real(), null);
        PreparedMail crlf = prepare(real().replace("\n", "\r\n"), null);
        assertThat(crlf.report()).isEqualTo(plain.report());
        assertThat(crlf.key()).isEqualTo(plain.key());
        assertThat(crlf.message()).isEqualTo(plain.message());
    }
}
