package dev.culprit.pages;

import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Signal;
import dev.culprit.model.Verdict;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.StoreException;
import dev.culprit.testing.TestMails;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** A store filled with results for the pages' tests: mailed, held and skipped, and one with a hostile title. */
final class PageStore {
    /** A crash title as hostile as a log can make it: markup, template syntax, control characters, 10,000 characters. */
    static final String HOSTILE_TITLE = "<script>alert(1)</script> ${x} <#if true>yes</#if> \u0007\u001b[31m "
            + "<img src=x onerror=alert(2)> " + "A".repeat(10_000);

    private PageStore() {}

    /** A result of a cause bisection with this crash title, a culprit of its own and one recipient. */
    static PreparedMail result(int n, String crashTitle, Verdict verdict) {
        String hash = HexFormat.of().toHexDigits((long) n) + "0".repeat(24);
        BisectionReport r = ReportBuilder.culprit().culpritHash(hash).culpritTitle("mm: fix number " + n)
                .crash(crashTitle, "report " + n).originalCrashTitle(crashTitle).build();
        ResultKey key = new ResultKey("cause|culprit|thing " + n + "|" + hash);
        String messageId = key.messageId(TestMails.DOMAIN);
        var to = TestMails.to("dev" + n + "@example.org", "author of the culprit");
        String subject = "[culprit] " + PageText.cell(crashTitle);
        return new PreparedMail("log-" + n + ".txt", key, messageId, r,
                new Assessment(verdict, 0.9, List.of(new Signal("flaky", 0.2, "the reproducer was flaky"))), List.of(to), subject,
                TestMails.mime(messageId, subject, "Result " + n + "\n", List.of(to)), List.of());
    }

    /** Stores {@code n} results, every third held and every seventh skipped. */
    static void fill(Database db, Clock clock, int n) throws StoreException {
        Outbox outbox = new Outbox(db, clock);
        for (int i = 1; i <= n; i++) {
            Verdict v = i % 3 == 0 ? Verdict.MODERATE : i % 7 == 0 ? Verdict.SKIP : Verdict.MAIL;
            outbox.intake().accept(result(i, "general protection fault in thing_" + i, v), "log-" + i + ".txt", "content-" + i);
        }
    }
}
