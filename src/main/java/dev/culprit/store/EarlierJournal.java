package dev.culprit.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outcomes of sent mails that an earlier version of culprit left in its delivery journal,
 * applied to the outbox when the store is opened: the rows of the table {@code delivery_journal}
 * (before the migration that drops it) and the files of {@code <database>.journal/} beside an
 * embedded database (then the directory is removed). Each outcome is applied as the earlier
 * version would have: only to a mail still in {@code sending} for the same owner, so applying
 * one twice changes nothing.
 */
final class EarlierJournal {
    private static final Logger log = LoggerFactory.getLogger(EarlierJournal.class);
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private EarlierJournal() {}

    /** An outcome as the earlier version wrote it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Written(long id, String owner, String state, int attempts, Instant nextAttemptAt, String lastError,
            Map<Integer, Change> recipients, List<Ledger> ledger) {
        MailUpdate update() {
            Map<Integer, MailUpdate.RecipientChange> changes = new HashMap<>();
            if (recipients != null) {
                recipients.forEach((pos, c) -> changes.put(pos, new MailUpdate.RecipientChange(
                        OutboxRecipient.State.valueOf(c.state().toUpperCase(Locale.ROOT)), c.error())));
            }
            List<MailUpdate.LedgerEntry> sent = ledger == null ? List.of()
                    : ledger.stream().map(l -> new MailUpdate.LedgerEntry(l.address(), l.list())).toList();
            return new MailUpdate(id, owner, OutboxState.of(state), attempts, nextAttemptAt, lastError, changes, sent);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Change(String state, String error) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Ledger(String address, boolean list) {}

    /** A line of a journal file: the time the outcome was recorded, and the outcome. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Line(Instant at, Written outcome) {}

    /**
     * Applies the rows of the table {@code delivery_journal}, if the table is there, and empties
     * it, in one transaction. To be run before the migrations, the last of which drop the table.
     */
    static void applyTable(Database db) throws SQLException {
        if (!tableExists(db.dataSource())) {
            return;
        }
        int n = db.inTransaction(c -> {
            List<Outcomes.Outcome> outcomes = new ArrayList<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select outbox_id, outcome, recorded_at from delivery_journal order by outbox_id")) {
                while (rs.next()) {
                    String where = "table delivery_journal, mail " + rs.getLong(1);
                    try {
                        Written w = read(rs.getString(2), Written.class, where);
                        outcomes.add(new Outcomes.Outcome(w.update(), rs.getObject(3, OffsetDateTime.class).toInstant()));
                    } catch (IllegalArgumentException | NullPointerException e) {
                        log.error("{}; the mail was not recorded as sent and goes out again", e.getMessage());
                    }
                }
            }
            apply(c, outcomes, "the table delivery_journal");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("delete from delivery_journal");
            }
            return outcomes.size();
        });
        if (n > 0) {
            log.info("{} outcome(s) of mails sent by an earlier version recorded from the table delivery_journal", n);
        }
    }

    private static boolean tableExists(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            for (String name : List.of("delivery_journal", "DELIVERY_JOURNAL")) {
                try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * Applies the journal files beside an embedded database kept in a file, in one transaction,
     * then removes their directory. A line that cannot be read (the last one of a write a crash
     * cut short) is logged by file and line; its mail is sent again.
     */
    static void applyFiles(Database db) throws SQLException, IOException {
        Path dir = directory(db.dataSource());
        if (dir == null || !Files.isDirectory(dir)) {
            return;
        }
        List<Outcomes.Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".journal")).sorted().toList()) {
                outcomes.addAll(readFile(p));
            }
        }
        db.inTransaction(c -> apply(c, outcomes, dir.toString()));
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        log.info("{} outcome(s) of mails sent by an earlier version recorded from {}, which is removed", outcomes.size(), dir);
    }

    /** The journal directory of an embedded database kept in a file ({@code culprit.journal} beside {@code culprit.mv.db}). */
    private static Path directory(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select database_path()")) {
            String path = rs.next() ? rs.getString(1) : null;
            return path == null ? null : Path.of(path + ".journal");
        }
    }

    private static List<Outcomes.Outcome> readFile(Path file) throws IOException {
        List<Outcomes.Outcome> out = new ArrayList<>();
        // a line cut short may end inside a character: decoded leniently, it is one unreadable line
        String[] lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            try {
                Line line = read(lines[i], Line.class, file + ":" + (i + 1));
                if (line.at() == null || line.outcome() == null) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": not an outcome: the time or the outcome is missing");
                }
                out.add(new Outcomes.Outcome(line.outcome().update(), line.at()));
            } catch (IllegalArgumentException | NullPointerException e) {
                log.error("{}; the mail was not recorded as sent and goes out again", e.getMessage());
            }
        }
        return out;
    }

    private static <T> T read(String text, Class<T> type, String where) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + ": not an outcome: " + e.getOriginalMessage(), e);
        }
    }

    private static Void apply(Connection c, List<Outcomes.Outcome> outcomes, String where) throws SQLException {
        if (outcomes.isEmpty()) {
            return null;
        }
        boolean[] applied = Outcomes.apply(c, outcomes);
        for (int i = 0; i < applied.length; i++) {
            if (!applied[i]) {
                log.warn("mail {}: its outcome in {} was recorded already, or the mail left sending; not applied",
                        outcomes.get(i).update().id(), where);
            }
        }
        return null;
    }
}
