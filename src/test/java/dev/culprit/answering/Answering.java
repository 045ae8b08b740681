package dev.culprit.answering;

import dev.culprit.mail.MessageSettings;
import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Recipient;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.Sidecar;
import dev.culprit.model.Trailer;
import dev.culprit.model.Verdict;
import dev.culprit.model.ResultKey;
import dev.culprit.moderation.ModerationMails;
import dev.culprit.moderation.ModerationSettings;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.recipients.CulpritRecipients;
import dev.culprit.recipients.RecipientPolicy;
import dev.culprit.recipients.RecipientResolver;
import dev.culprit.render.Renderer;
import dev.culprit.replies.IncomingReply;
import dev.culprit.replies.ReplyHandler.Disposition;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.OutboxState;
import dev.culprit.store.StoredResults;
import dev.culprit.testing.TestMails;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The handler over a real store, with one result in it and the people it concerns. */
final class Answering {
    static final String AUTHOR = "author@example.org";
    static final String PERSON = "maint@example.org";
    static final String LIST = "subsys@vger.kernel.org";
    static final String MODERATOR = "mod@example.org";
    static final String MODERATION = "moderators@bot.example.net";
    static final String BOT = "culprit@bot.example.net";
    static final String CULPRIT = "7a819b1f87a1c0ffee0123456789abcdef012345";
    static final String RESULT_ID = "<culprit.result1@bot.example.net>";
    static final ResultKey KEY = new ResultKey("cause|culprit|KASAN: use-after-free in hfsplus_file_extend|" + CULPRIT);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

    final Database db;
    final Outbox outbox;
    final List<String> events = new ArrayList<>();
    final AnsweringHandler handler;

    Answering(Database db, int answersPerHour) {
        this.db = db;
        this.outbox = new Outbox(db, CLOCK);
        Renderer renderer = new Renderer(Renderer.bundledLoader());
        MessageSettings identity = new MessageSettings("culprit <" + BOT + ">", null, "bot.example.net", null);
        handler = new AnsweringHandler(outbox, ReplyRules.of(true, Mail.AUTHSERV, Set.of(BOT), answersPerHour, 100),
                new ModerationSettings(MODERATION, List.of(MODERATOR)), new ModerationMails(renderer, identity, CLOCK),
                new AnswerMails(renderer, identity, CLOCK), new Recording(events), CLOCK);
    }

    /** Stores the result, sent (or in {@code state}) to its author, a maintainer and a list. */
    Answering with(OutboxState state) throws SQLException {
        StoredResults.store(db, KEY, RESULT_ID, "[culprit] KASAN: use-after-free in hfsplus_file_extend", state, List.of(
                new Recipient(AUTHOR, "A. Author", Recipient.Field.TO, List.of("author of the culprit commit 7a819b1f87a1")),
                new Recipient(PERSON, null, Recipient.Field.TO, List.of("maintainer of fs/hfsplus")),
                new Recipient(LIST, null, Recipient.Field.CC, Recipient.Kind.LIST, List.of("mailing list of fs/hfsplus"))),
                CLOCK.instant());
        return this;
    }

    /**
     * Stores the result through intake, as the pipeline does: its culprit commit by the author and
     * signed off by the maintainer, its recipients what {@code policy} kept of them; then sends it.
     */
    Answering viaIntake(RecipientPolicy policy) throws Exception {
        BisectionReport report = ReportBuilder.culprit().culprit(ReportBuilder.commit(CULPRIT, "hfsplus: fix extents",
                "A. Author", AUTHOR, List.of(new Trailer("Signed-off-by", "A. Maintainer <" + PERSON + ">")))).build();
        List<Recipient> recipients = policy.apply(new RecipientResolver(List.of(new CulpritRecipients()))
                .resolve(report, Sidecar.empty()).candidates()).recipients();
        String subject = "[culprit] KASAN: use-after-free in hfsplus_file_extend";
        PreparedMail mail = new PreparedMail("result.log", KEY, RESULT_ID, report, new Assessment(Verdict.MAIL, 1.0, List.of()),
                recipients, subject, TestMails.mime(RESULT_ID, subject, "body\n", recipients), List.of());
        outbox.intake().accept(mail, "result.log", "content-1");
        StoredResults.markSent(db, KEY, CLOCK.instant());
        return this;
    }

    Disposition handle(Mail m) {
        return handler.handle(m.reply());
    }

    Disposition handle(IncomingReply r) {
        return handler.handle(r);
    }

    OutboxState state() throws SQLException {
        return StoredResults.state(db, KEY);
    }

    /** The outbox keys other than the result's, by their prefix ({@code answer|}, {@code retraction|}, ...). */
    List<String> mailsLike(String prefix) throws SQLException {
        return StoredResults.keys(db).stream().filter(k -> k.startsWith(prefix)).toList();
    }

    /** The message of the only outbox row whose key starts with {@code prefix}. */
    String message(String prefix) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (java.sql.Connection c = db.connection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "select m.message from outbox o join outbox_message m on m.outbox_id = o.id where o.result_key like ?")) {
            ps.setString(1, prefix + "%");
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(text(rs.getBytes(1)));
                }
            }
        }
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " mails start with " + prefix);
        }
        return rows.get(0);
    }

    /** The recipients of the rows whose key starts with {@code prefix}. */
    List<String> recipients(String prefix) throws SQLException {
        return StoredResults.column(db, "select r.address from outbox o join outbox_recipient r on r.outbox_id = o.id"
                + " where o.result_key like ? order by o.id, r.position", prefix + "%");
    }

    List<String> labels() throws SQLException {
        return StoredResults.column(db, "select label || ' ' || source || ' ' || coalesce(culprit, '-') || ' ' || evidence"
                + " from result_label order by id");
    }

    List<String> commands() throws SQLException {
        return StoredResults.column(db, "select name || ' ' || outcome from reply_command order by reply_id, position");
    }

    List<String> records() throws SQLException {
        return StoredResults.column(db, "select coalesce(message_id, 'digest') || ' ' || authenticated || ' '"
                + " || coalesce(answer_id, '-') || ' ' || coalesce(refused, '-') from reply_record order by id");
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** The metrics events, as text. */
    private record Recording(List<String> events) implements ServiceEvents {
        @Override
        public void replyReceived() {
            events.add("received");
        }

        @Override
        public void replyCommand(String command, String outcome) {
            events.add(command + " " + outcome);
        }

        @Override
        public void replyAnswered() {
            events.add("answered");
        }

        @Override
        public void replyRefused(String reason) {
            events.add("refused " + reason);
        }

        @Override
        public void replyFailed(String reason) {
            events.add("failed " + reason);
        }
    }
}
