package dev.culprit.testing;

import dev.culprit.model.PreparedMail;
import dev.culprit.model.Recipient;
import dev.culprit.model.Verdict;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.LogRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log processor for spool and delivery tests, reading the few lines of the real log format it
 * needs: the result line ({@code first bad commit: <hash>}), the recipient lists, and an
 * optional {@code test-verdict: moderate|skip} line. A log without the final summary is refused,
 * as the real parser refuses it.
 */
public final class TestProcessor implements LogProcessor {
    private static final Pattern RESULT = Pattern.compile("(?m)^first (bad|good) commit: ([0-9a-f]{40})");
    private static final Pattern TO = Pattern.compile("(?m)^recipients \\(to\\): \\[(.*)\\]$");
    private static final Pattern CC = Pattern.compile("(?m)^recipients \\(cc\\): \\[(.*)\\]$");
    private static final Pattern VERDICT = Pattern.compile("(?m)^test-verdict: (\\w+)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    @Override
    public PreparedMail prepare(String name, byte[] log, byte[] sidecar) throws LogRejectedException {
        String text = new String(log, StandardCharsets.UTF_8);
        if (!text.contains("\nrevisions tested: ")) {
            throw new LogRejectedException(name + ": no \"revisions tested:\" summary line; not a finished bisection log");
        }
        Matcher m = RESULT.matcher(text);
        if (!m.find()) {
            throw new LogRejectedException(name + ": no result line");
        }
        String key = "cause/" + m.group(2);
        List<Recipient> recipients = new ArrayList<>();
        addAll(recipients, TO.matcher(text), true);
        addAll(recipients, CC.matcher(text), false);
        Matcher v = VERDICT.matcher(text);
        Verdict verdict = v.find() ? Verdict.valueOf(v.group(1).toUpperCase(java.util.Locale.ROOT)) : Verdict.MAIL;
        return TestMails.mail(key, verdict, recipients.toArray(Recipient[]::new));
    }

    private static void addAll(List<Recipient> out, Matcher m, boolean to) {
        if (m.find()) {
            Matcher q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                out.add(to ? TestMails.to(q.group(1)) : TestMails.cc(q.group(1)));
            }
        }
    }
}
