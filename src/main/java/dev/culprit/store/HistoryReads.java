package dev.culprit.store;

import static dev.culprit.store.OutboxRows.instant;
import static dev.culprit.store.ResultHistory.fields;

import dev.culprit.model.ResultKey;
import dev.culprit.store.HistoryEvent.Kind;
import dev.culprit.store.ReplyRecords.CommandRecord;
import dev.culprit.store.ReplyRecords.Reply;
import dev.culprit.store.ResultHistory.Row;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The events of a result's history, read from the tables that keep each kind of fact. */
final class HistoryReads {
    private static final String DUPLICATE = Acceptance.Disposition.DUPLICATE_RESULT.id();
    /** The most notes one reply can send: one per command line, of at most three. */
    private static final int MAX_NOTES = 3;

    private HistoryReads() {}

    /**
     * The logs that gave the result, its verdict, and its queueing. The logs are found by the
     * indexed SHA-256 of the key (the outbox's key hash) and by the key itself, so that no other
     * result's log is ever shown.
     */
    static void intake(Connection c, Row row, List<HistoryEvent> events) throws SQLException {
        Instant assessedAt = null;
        try (PreparedStatement ps = c.prepareStatement("select log_name, disposition, processed_at from processed_log"
                + " where result_key_hash = ? and result_key = ? order by processed_at")) {
            ps.setString(1, row.keyHash());
            ps.setString(2, row.resultKey());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant at = instant(rs, 3);
                    boolean again = DUPLICATE.equals(rs.getString(2));
                    assessedAt = assessedAt == null && !again ? at : assessedAt;
                    events.add(new HistoryEvent(at, Kind.RECEIVED, "log " + rs.getString(1)
                            + (again ? ": the same result again, not mailed again" : ""),
                            fields("log", rs.getString(1), "disposition", rs.getString(2))));
                }
            }
        }
        Instant at = assessedAt != null ? assessedAt : row.createdAt();
        events.add(new HistoryEvent(at, Kind.ASSESSED, "verdict " + row.verdict(), fields("verdict", row.verdict(),
                "culprit", row.culprit(), "subject", row.subject(), "log", row.source())));
        if ("mail".equals(row.verdict())) {
            List<OutboxRecipient> all = OutboxRows.load(c, List.of(row.id())).get(0).recipients();
            events.add(new HistoryEvent(at, Kind.QUEUED, "queued to be sent as " + row.messageId(),
                    fields("message-id", row.messageId(), "recipients", addresses(all))));
        }
    }

    /** Why it was held and the notice about it, the moderators' decisions, and the retraction sent. */
    static void moderation(Connection c, Row row, List<Reply> replies, List<HistoryEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select outcome, culprit, score, reasons, held_at, notice_id from held_result where outbox_id = ?")) {
            ps.setLong(1, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    events.add(new HistoryEvent(instant(rs, 5), Kind.HELD, "held for moderation", fields("outcome", rs.getString(1),
                            "culprit", rs.getString(2), "score", String.valueOf(rs.getDouble(3)), "reasons", rs.getString(4))));
                    long notice = rs.getLong(6);
                    if (!rs.wasNull()) {
                        sent(c, notice, Kind.NOTICE_SENT, "notice sent to the moderators", events);
                    }
                }
            }
        }
        boolean dropDecided = false;
        try (PreparedStatement ps = c.prepareStatement("select decision, reason, new_culprit, correction_id, decided_at"
                + " from moderation_decision where outbox_id = ? order by decided_at, id")) {
            ps.setLong(1, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ModerationDecision d = ModerationDecision.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
                    dropDecided |= d == ModerationDecision.DROP;
                    long correction = rs.getLong(4);
                    Long correctionId = rs.wasNull() ? null : correction;
                    decision(c, d, instant(rs, 5), rs.getString(2), rs.getString(3), correctionId, replies, events);
                }
            }
        }
        if (row.state() == OutboxState.DROPPED && !dropDecided) {
            events.add(new HistoryEvent(row.updatedAt(), Kind.DROPPED, "dropped by delivery: " + row.lastError(),
                    fields("by", "delivery", "why", row.lastError())));
        }
    }

    private static void decision(Connection c, ModerationDecision d, Instant at, String why, String newCulprit, Long correction,
            List<Reply> replies, List<HistoryEvent> events) throws SQLException {
        String by = by(d, at, replies);
        switch (d) {
            case RELEASE -> events.add(new HistoryEvent(at, Kind.RELEASED, "released by " + by, fields("by", by, "why", why)));
            case DROP -> events.add(new HistoryEvent(at, Kind.DROPPED, "dropped by " + by + ": " + why, fields("by", by, "why", why)));
            case RETRACT -> {
                Row mail = correction == null ? null : ResultHistory.mail(c, correction);
                events.add(new HistoryEvent(at, Kind.RETRACTED, "retracted by " + by + ": " + why, fields("by", by, "why", why,
                        "culprit believed", newCulprit, "retraction", mail == null ? null : mail.messageId())));
                if (correction != null) {
                    sent(c, correction, Kind.RETRACTION_SENT, "retraction sent", events);
                }
            }
        }
    }

    /**
     * Who decided: the sender of the latest reply about the result, received by then, that applied a
     * command with this effect; an operator (the command line) otherwise.
     */
    private static String by(ModerationDecision d, Instant at, List<Reply> replies) {
        Set<String> commands = switch (d) {
            case RELEASE -> Set.of("release");
            case DROP -> Set.of("drop", "wrong", "blame");
            case RETRACT -> Set.of("wrong", "blame");
        };
        String by = "an operator";
        for (Reply r : replies) {
            boolean applied = r.commands().stream()
                    .anyMatch(cr -> cr.outcome() == ReplyRecords.Outcome.APPLIED && commands.contains(cr.name()));
            if (applied && !r.receivedAt().isAfter(at)) {
                by = r.sender() + " (reply " + r.messageId() + ")";
            }
        }
        return by;
    }

    /** When the result was sent and to whom, or that delivery gave up. */
    static void delivery(Connection c, Row row, List<HistoryEvent> events) throws SQLException {
        if (row.sentAt() != null) {
            sent(c, row.id(), Kind.SENT, "sent", events);
        }
        if (row.state() == OutboxState.FAILED) {
            events.add(new HistoryEvent(row.updatedAt(), Kind.FAILED, "delivery gave up: " + row.lastError(),
                    fields("why", row.lastError())));
        }
    }

    /** A sent mail about the result: its Message-ID, who got it and who did not, with why. */
    private static void sent(Connection c, long id, Kind kind, String summary, List<HistoryEvent> events) throws SQLException {
        Row mail = ResultHistory.mail(c, id);
        if (mail == null || mail.sentAt() == null) {
            return;
        }
        List<OutboxRecipient> all = OutboxRows.load(c, List.of(id)).get(0).recipients();
        List<OutboxRecipient> got = all.stream().filter(r -> r.state() == OutboxRecipient.State.SENT).toList();
        String notSent = all.stream().filter(r -> r.state() != OutboxRecipient.State.SENT)
                .map(r -> r.address() + ": " + r.state().id() + (r.lastError() == null ? "" : " (" + r.lastError() + ")"))
                .collect(Collectors.joining("\n"));
        events.add(new HistoryEvent(mail.sentAt(), kind, summary + " as " + mail.messageId() + " to " + addresses(got),
                fields("message-id", mail.messageId(), "to", addresses(got), "not sent", notSent)));
    }

    /** A handled reply about the result, with each command and what became of it. */
    static HistoryEvent reply(Reply r) {
        String commands = r.commands().stream().map(HistoryReads::command).collect(Collectors.joining("\n"));
        String who = (r.sender() == null ? "an unknown sender" : r.sender()) + (r.authenticated() ? "" : " (not authenticated)");
        Map<String, String> fields = fields("message-id", r.messageId(), "from", r.from(), "authentication", r.how(),
                "commands", commands, "answer", r.answerId(), "refused", r.refused());
        return new HistoryEvent(r.receivedAt(), Kind.REPLY, "reply from " + who
                + (r.refused() != null ? ", refused: " + r.refused() : r.commands().isEmpty() ? ", no command" : ""), fields);
    }

    /**
     * The answer to a reply and its notes to the moderators, once sent: outbox rows keyed by the
     * reply's identity and the result ({@link RepliedResults#ANSWER_PREFIX}, {@link RepliedResults#NOTE_PREFIX}).
     */
    static void replyMails(Connection c, Row row, Reply r, List<HistoryEvent> events) throws SQLException {
        String about = r.identityHash() + "|" + row.resultKey();
        Optional<Long> answer = OutboxRows.idOf(c, new ResultKey(RepliedResults.ANSWER_PREFIX + about));
        if (answer.isPresent()) {
            sent(c, answer.get(), Kind.ANSWER_SENT, "answer sent", events);
        }
        // a reply notes each command that needs the moderators, at most one per command line
        for (int i = 0; i < MAX_NOTES; i++) {
            String suffix = i == 0 ? "" : "." + i;
            Optional<Long> note = OutboxRows.idOf(c, new ResultKey(RepliedResults.NOTE_PREFIX + r.identityHash() + suffix + "|"
                    + row.resultKey()));
            if (note.isPresent()) {
                sent(c, note.get(), Kind.REPLY_NOTE_SENT, "note sent to the moderators", events);
            }
        }
    }

    private static String command(CommandRecord c) {
        return "#culprit " + c.name() + (c.arguments() == null || c.arguments().isEmpty() ? "" : " " + c.arguments()) + ": "
                + c.outcome().id() + (c.reason() == null ? "" : " (" + c.reason() + ")");
    }

    /** Every label of the result: whether its culprit was right, from where, on what evidence. */
    static void labels(Connection c, Row row, List<HistoryEvent> events) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select label, culprit, source, evidence, labelled_at from result_label"
                + " where outbox_id = ? order by labelled_at, id")) {
            ps.setLong(1, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(new HistoryEvent(instant(rs, 5), Kind.LABEL, "labelled " + rs.getString(1) + " (" + rs.getString(3)
                            + ")", fields("label", rs.getString(1), "source", rs.getString(3), "culprit", rs.getString(2),
                                    "evidence", rs.getString(4))));
                }
            }
        }
    }

    private static String addresses(List<OutboxRecipient> recipients) {
        return recipients.stream().map(OutboxRecipient::address).collect(Collectors.joining(", "));
    }
}
