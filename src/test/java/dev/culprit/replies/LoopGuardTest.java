package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LoopGuardTest {
    private final LoopGuard guard = new LoopGuard(Set.of("Culprit@Example.org", "bounces@example.org"));

    @Test
    void anOrdinaryReplyMayBeAnswered() {
        assertThat(guard.reasonNotToAnswer(new IncomingHeaders(List.of("no"), List.of(), List.of("<jane@kernel.org>"),
                "multipart/alternative; boundary=x", List.of("jane@kernel.org")))).isEmpty();
        assertThat(reason(List.of(), List.of(), List.of(), null, "jane@kernel.org")).isEmpty();
    }

    @Test
    void neverAnswersAnOutOfOfficeAutoReply() {
        assertThat(reason(List.of("auto-replied"), List.of(), List.of(), "text/plain", "jane@kernel.org"))
                .contains("Auto-Submitted: auto-replied (automatic mail)");
        assertThat(reason(List.of("Auto-Generated (vacation); owner-email=\"j@k.org\""), List.of(), List.of(), null,
                "jane@kernel.org")).contains("Auto-Submitted: auto-generated (automatic mail)");
        assertThat(reason(List.of(""), List.of(), List.of(), null, "jane@kernel.org"))
                .contains("Auto-Submitted: (empty) (automatic mail)");
    }

    @Test
    void neverAnswersBulkJunkOrListMail() {
        for (String p : List.of("bulk", "JUNK", " list (a list)")) {
            assertThat(reason(List.of(), List.of(p), List.of(), null, "jane@kernel.org")).get().asString()
                    .startsWith("Precedence: ");
        }
        assertThat(reason(List.of(), List.of("first-class"), List.of(), null, "jane@kernel.org")).isEmpty();
    }

    @Test
    void neverAnswersABounce() {
        assertThat(reason(List.of(), List.of(), List.of("<>"), null, "mailer-daemon@kernel.org"))
                .contains("a null Return-Path (a delivery report)");
        assertThat(reason(List.of(), List.of(), List.of(" < > "), null, "x@kernel.org")).isPresent();
        assertThat(reason(List.of(), List.of(), List.of("<x@kernel.org>"), "Multipart/Report; report-type=delivery-status",
                "x@kernel.org")).contains("Content-Type multipart/report (a delivery or read report)");
    }

    @Test
    void neverAnswersItsOwnMailDeliveredBack() {
        assertThat(reason(List.of(), List.of(), List.of(), "text/plain", "culprit@example.org"))
                .contains("sent from culprit's own address culprit@example.org");
        assertThat(reason(List.of(), List.of(), List.of("<Bounces@example.org>"), null, "jane@kernel.org"))
                .contains("sent from culprit's own envelope address bounces@example.org");
    }

    private Optional<String> reason(List<String> autoSubmitted, List<String> precedence, List<String> returnPath,
            String contentType, String from) {
        return guard.reasonNotToAnswer(new IncomingHeaders(autoSubmitted, precedence, returnPath, contentType,
                List.of(from)));
    }
}
