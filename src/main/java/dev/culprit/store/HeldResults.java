package dev.culprit.store;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes why a mail was held, inside the transaction that stores the held mail. */
final class HeldResults {
    private static final int MAX_TEXT = 4000;

    private HeldResults() {}

    static void record(Connection c, long outboxId, PreparedMail mail, Instant now) throws SQLException {
        BisectionReport r = mail.report();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into held_result (outbox_id, outcome, culprit, crash_title, score, reasons, held_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, outboxId);
            ps.setString(2, r == null ? "unknown" : r.outcome().id());
            ps.setString(3, r == null ? null : clip(culprit(r)));
            ps.setString(4, r == null ? null : clip(title(r)));
            ps.setDouble(5, mail.assessment().score());
            ps.setString(6, clip(String.join("\n", mail.assessment().reasons().stream().map(s -> s.replace('\n', ' ')).toList())));
            ps.setObject(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            ps.executeUpdate();
        }
    }

    static String culprit(BisectionReport r) {
        if (r.culpritHash() != null) {
            return r.culpritTitle() == null ? r.culpritHash() : r.culpritHash() + " " + r.culpritTitle();
        }
        if (r.inconclusiveCommits() != null && !r.inconclusiveCommits().isEmpty()) {
            return String.join(" ", r.inconclusiveCommits().stream().distinct().toList());
        }
        return null;
    }

    static String title(BisectionReport r) {
        String t = r.crashTitle() != null ? r.crashTitle() : r.originalCrashTitle();
        if (t == null) {
            return null;
        }
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    private static String clip(String s) {
        return OutboxRows.clip(s, MAX_TEXT);
    }
}
