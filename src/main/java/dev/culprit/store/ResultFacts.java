package dev.culprit.store;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.BisectionType;
import dev.culprit.model.Outcome;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Sidecar;
import dev.culprit.recipients.Address;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What a landed fix can point at a stored result by, kept when it is stored: its culprit, the
 * credit address its own sidecar gave and its links. Cause bisections that found a culprit only:
 * a fix bisection's "culprit" is the fix.
 */
final class ResultFacts {
    private ResultFacts() {}

    static void record(Connection c, long id, PreparedMail mail) throws SQLException {
        BisectionReport r = mail.report();
        if (r == null || r.type() != BisectionType.CAUSE || r.outcome() != Outcome.CULPRIT) {
            return;
        }
        String hash = r.culprit() != null ? r.culprit().hash() : r.culpritHash();
        if (hash == null) {
            return;
        }
        String title = r.culprit() != null ? r.culprit().title() : r.culpritTitle();
        try (PreparedStatement ps = c.prepareStatement(
                "insert into result_fact (outbox_id, culprit, culprit_title, reported_by, links) values (?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, clip(hash.toLowerCase(Locale.ROOT), 64));
            ps.setString(3, title == null || title.isEmpty() ? null : clip(title, 4096));
            ps.setString(4, credit(mail.sidecar()));
            ps.setString(5, clip(String.join("\n", links(mail.sidecar().links())), 12000));
            ps.executeUpdate();
        }
    }

    /** The credit address the sidecar gave, lower case, or null when none or unusable. */
    private static String credit(Sidecar s) {
        if (s.reportedBy() == null) {
            return null;
        }
        try {
            String a = Address.parse(s.reportedBy()).addrSpec().toLowerCase(Locale.ROOT);
            return a.length() <= 320 ? a : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> links(Sidecar.Links l) {
        List<String> out = new ArrayList<>();
        Stream.of(l.dashboard(), l.log(), l.kernelConfig(), l.reproC(), l.reproSyz()).filter(java.util.Objects::nonNull)
                .forEach(out::add);
        return out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
