package dev.culprit.fixes;

import static dev.culprit.fixes.LearnFixtures.MAILED;
import static dev.culprit.fixes.LearnFixtures.mailCulprit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.Label;
import dev.culprit.model.Precision;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Sidecar;
import dev.culprit.model.TrackRecord;
import dev.culprit.store.Database;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.LabelRefused;
import dev.culprit.store.Labels;
import dev.culprit.store.ResultLabels;
import dev.culprit.store.StoreSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsStoreTest {
    private static final Instant T = MAILED.plus(Duration.ofDays(1));

    private Database db;
    private Labels labels;
    private LabelCounts counts;

    @BeforeEach
    void setUp() throws Exception {
        db = Database.inMemory();
        labels = new Labels(db);
        counts = new LabelCounts(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static String hash(int i) {
        return HexFormat.of().toHexDigits(i) + "0".repeat(32);
    }

    private static Label fix(Label.Value v, Instant at) {
        return new Label(v, null, Label.Source.FIX, "fix", at);
    }

    @Test
    void anOperatorsLabelIsInForceOverAFixsAndEveryLabelIsKept() throws Exception {
        long id = mailCulprit(db, hash(1), "t", Sidecar.empty(), MAILED);
        labels.addFix(id, new Label(Label.Value.WRONG, "abcdef012345", Label.Source.FIX, "fix 1", T), "k1");
        String key = shortKeyOf(id);

        assertThat(labels.label(key.substring(0, 10), new Label(Label.Value.RIGHT, null, Label.Source.OPERATOR, "checked",
                T.plusSeconds(1)))).isEqualTo(key);

        ResultLabels r = labels.all().get(0);
        assertThat(r.labels()).extracting(Label::source).containsExactly(Label.Source.FIX, Label.Source.OPERATOR);
        assertThat(r.inForce()).get().extracting(Label::value).isEqualTo(Label.Value.RIGHT);
        assertThat(r.culpritBelieved()).isEqualTo(hash(1));
        assertThat(r.mailedCulprit()).isEqualTo(hash(1));
    }

    @Test
    void theSameFixLabelsAResultOnce() throws Exception {
        long id = mailCulprit(db, hash(1), "t", Sidecar.empty(), MAILED);

        assertThat(labels.addFix(id, fix(Label.Value.RIGHT, T), "k1")).isTrue();
        assertThat(labels.addFix(id, fix(Label.Value.RIGHT, T.plusSeconds(5)), "k1")).isFalse();
        assertThat(labels.of(id)).hasSize(1);
    }

    @Test
    void aKeyThatNamesNoCulpritIsRefused() throws Exception {
        long fixResult = LearnFixtures.mailFix(db, hash(9), MAILED);
        Label l = new Label(Label.Value.RIGHT, null, Label.Source.OPERATOR, "why", T);

        assertThatThrownBy(() -> labels.label("00000000", l)).isInstanceOf(LabelRefused.class).hasMessage("no result with key 00000000");
        assertThatThrownBy(() -> labels.label("0123", l)).isInstanceOf(LabelRefused.class)
                .hasMessageContaining("give at least 8 hex digits");
        String key = ResultKey.of(dev.culprit.model.BisectionReport.builder().type(dev.culprit.model.BisectionType.FIX)
                .outcome(dev.culprit.model.Outcome.FIX).culpritHash(hash(9)).culpritTitle("the fix")
                .originalCrashTitle("crash " + hash(9)).build()).shortId();
        assertThatThrownBy(() -> labels.label(key, l)).isInstanceOf(LabelRefused.class)
                .hasMessage("result " + key + " is no cause bisection's culprit (fix): only a cause bisection's culprit is right or wrong");
        assertThat(labels.of(fixResult)).isEmpty();
    }

    @Test
    void precisionCountsTheLabelInForceOverTheLast90DaysAndAllTime() throws Exception {
        Instant now = MAILED.plus(Duration.ofDays(200));
        long old = mailCulprit(db, hash(1), "t1", Sidecar.empty(), MAILED);
        long right = mailCulprit(db, hash(2), "t2", Sidecar.empty(), now.minus(Duration.ofDays(10)));
        long wrong = mailCulprit(db, hash(3), "t3", Sidecar.empty(), now.minus(Duration.ofDays(9)));
        mailCulprit(db, hash(4), "t4", Sidecar.empty(), now.minus(Duration.ofDays(8)));
        labels.addFix(old, fix(Label.Value.RIGHT, T), "a");
        labels.addFix(right, fix(Label.Value.WRONG, now), "b");
        labels.addFix(right, fix(Label.Value.RIGHT, now.plusSeconds(1)), "c");
        labels.addFix(wrong, fix(Label.Value.RIGHT, now), "d");
        labels.label(shortKeyOf(wrong), new Label(Label.Value.WRONG, null, Label.Source.OPERATOR, "no", now));

        assertThat(counts.precision(now.minus(Duration.ofDays(90)))).isEqualTo(new Precision(3, 2, 1, 1));
        assertThat(counts.precision(null)).isEqualTo(new Precision(4, 3, 2, 1));
        assertThat(counts.precision(null).describe()).isEqualTo("mailed 4, known outcome 3, right 2, wrong 1, precision 66.6%");
    }

    private String shortKeyOf(long id) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement();
                var rs = s.executeQuery("select result_key from outbox where id = " + id)) {
            rs.next();
            return new ResultKey(rs.getString(1)).shortId();
        }
    }

    @Test
    void theTrackRecordCountsLandedFixesOnlyAndIsCitableExactlyAtTheThreshold() throws Exception {
        for (int i = 0; i < 19; i++) {
            long id = mailCulprit(db, hash(i), "t" + i, Sidecar.empty(), MAILED.plusSeconds(i));
            labels.addFix(id, fix(i < 3 ? Label.Value.WRONG : Label.Value.RIGHT, T), "k" + i);
        }
        long last = mailCulprit(db, hash(19), "t19", Sidecar.empty(), MAILED.plusSeconds(19));
        labels.label(shortKeyOf(last), new Label(Label.Value.RIGHT, null, Label.Source.OPERATOR, "operator", T));

        assertThat(counts.trackRecord()).isEqualTo(new TrackRecord(19, 16));
        assertThat(counts.trackRecord().citable(20)).as("an operator's label does not count").isEmpty();

        labels.addFix(last, fix(Label.Value.WRONG, T), "k19");

        assertThat(counts.trackRecord().citable(20)).contains(new TrackRecord(20, 16));
    }

    @Test
    void aResultRetractedBeforeLabelsExistedIsLabelledWrongByTheUpgrade(@TempDir Path dir) throws Exception {
        String url = new StoreSettings(dir, null, null, null, null, null, null).effectiveJdbcUrl();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target("27").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("""
                    insert into outbox (result_key, key_hash, message_id, source, verdict, state, next_attempt_at,
                        created_at, updated_at, sent_at)
                    values ('cause|culprit|t|abc', 'abcdef0123456789abcdef01', '<k@example.org>', 'k.log', 'mail', 'retracted',
                        current_timestamp, current_timestamp, current_timestamp, current_timestamp)""");
            s.execute("""
                    insert into moderation_decision (outbox_id, decision, reason, new_culprit, decided_at)
                    select id, 'retract', 'the culprit is a merge', '0123456789ab', timestamp with time zone '2026-02-01 00:00:00+00'
                    from outbox""");
            s.execute("shutdown");
        }
        try (Database upgraded = Database.open(url, null, null)) {
            List<ResultLabels> all = new Labels(upgraded).all();

            assertThat(all).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("cause|culprit|t|abc");
                assertThat(r.labels()).containsExactly(new Label(Label.Value.WRONG, "0123456789ab", Label.Source.OPERATOR,
                        "the culprit is a merge", Instant.parse("2026-02-01T00:00:00Z")));
            });
        }
    }
}
