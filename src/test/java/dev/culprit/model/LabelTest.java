package dev.culprit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelTest {
    private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");

    private static Label label(Label.Value v, Label.Source s, Instant at) {
        return new Label(v, null, s, "why", at);
    }

    @Test
    void anOperatorsLabelOutranksAFixsAndAFixsOutranksAReplys() {
        Label reply = label(Label.Value.RIGHT, Label.Source.REPLY, T2);
        Label fix = label(Label.Value.WRONG, Label.Source.FIX, T1);
        Label operator = label(Label.Value.RIGHT, Label.Source.OPERATOR, T1);

        assertThat(Label.inForce(List.of(reply, fix))).contains(fix);
        assertThat(Label.inForce(List.of(operator, reply, fix))).contains(operator);
    }

    @Test
    void theLatestWinsWithinASource() {
        Label older = label(Label.Value.WRONG, Label.Source.OPERATOR, T1);
        Label newer = label(Label.Value.RIGHT, Label.Source.OPERATOR, T2);

        assertThat(Label.inForce(List.of(newer, older))).contains(newer);
        assertThat(Label.inForce(List.of())).isEmpty();
    }

    @Test
    void precisionIsRoundedDownNeverInTheBotsFavour() {
        assertThat(new Precision(10, 3, 2, 1).percent()).hasToString("66.6");
        assertThat(new Precision(10, 0, 0, 0).describe()).isEqualTo("mailed 10, known outcome 0, right 0, wrong 0, precision unknown");
        assertThat(new Precision(10, 3, 2, 1).ratio()).isEqualTo(0.666);
    }

    @Test
    void aTrackRecordIsCitableFromTheThresholdOn() {
        assertThat(new TrackRecord(19, 19).citable(20)).isEmpty();
        assertThat(new TrackRecord(20, 17).citable(20)).contains(new TrackRecord(20, 17));
    }
}
