package dev.culprit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The bot's measured precision over some period: culprits mailed, those with a known outcome
 * (a label in force), and how many of those were right or wrong.
 */
public record Precision(long mailed, long known, long right, long wrong) {
    public Precision {
        if (right + wrong != known || known > mailed || right < 0 || wrong < 0) {
            throw new IllegalArgumentException("inconsistent counts: mailed " + mailed + ", known " + known + ", right " + right
                    + ", wrong " + wrong);
        }
    }

    /** right / known as a percentage with one decimal, rounded down (never in the bot's favour); null when nothing is known. */
    public BigDecimal percent() {
        if (known == 0) {
            return null;
        }
        return BigDecimal.valueOf(right * 1000L).divide(BigDecimal.valueOf(known), 0, RoundingMode.DOWN).movePointLeft(1);
    }

    /** right / known rounded down to 1/1000, for the metrics; NaN when nothing is known. */
    public double ratio() {
        return known == 0 ? Double.NaN : Math.floor(right * 1000.0 / known) / 1000.0;
    }

    /** {@code mailed 12, known outcome 5, right 4, wrong 1, precision 80.0%}. */
    public String describe() {
        return "mailed " + mailed + ", known outcome " + known + ", right " + right + ", wrong " + wrong + ", precision "
                + (known == 0 ? "unknown" : percent().toPlainString() + "%");
    }
}
