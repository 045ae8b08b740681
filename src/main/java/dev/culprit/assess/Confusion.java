package dev.culprit.assess;

import java.util.Locale;

/**
 * How a gate did on labelled single-commit results: which right and wrong culprits it mailed
 * and which it held back (moderated or skipped).
 *
 * @param mailedWrongUnstated the wrong culprits mailed without any doubt stated in the mail (no
 *     signal raised that the policy states), counted among {@code mailedWrong}
 */
public record Confusion(int mailedRight, int mailedWrong, int heldRight, int heldWrong, int mailedWrongUnstated) {
    public Confusion {
        if (mailedRight < 0 || mailedWrong < 0 || heldRight < 0 || heldWrong < 0 || mailedWrongUnstated < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (mailedWrongUnstated > mailedWrong) {
            throw new IllegalArgumentException("more wrong culprits mailed without doubt than mailed: "
                    + mailedWrongUnstated + " > " + mailedWrong);
        }
    }

    /** A table where every mailed wrong culprit was mailed without any doubt stated (a gate that states none). */
    public Confusion(int mailedRight, int mailedWrong, int heldRight, int heldWrong) {
        this(mailedRight, mailedWrong, heldRight, heldWrong, mailedWrong);
    }

    public static Confusion empty() {
        return new Confusion(0, 0, 0, 0, 0);
    }

    /** This table with one more result counted, mailed without any doubt stated when it was mailed. */
    public Confusion add(boolean mailed, boolean right) {
        return add(mailed, right, false);
    }

    /** This table with one more result counted; {@code stated}: the mail states a doubt. */
    public Confusion add(boolean mailed, boolean right, boolean stated) {
        return new Confusion(
                mailedRight + (mailed && right ? 1 : 0),
                mailedWrong + (mailed && !right ? 1 : 0),
                heldRight + (!mailed && right ? 1 : 0),
                heldWrong + (!mailed && !right ? 1 : 0),
                mailedWrongUnstated + (mailed && !right && !stated ? 1 : 0));
    }

    public Confusion plus(Confusion o) {
        return new Confusion(mailedRight + o.mailedRight, mailedWrong + o.mailedWrong,
                heldRight + o.heldRight, heldWrong + o.heldWrong, mailedWrongUnstated + o.mailedWrongUnstated);
    }

    public int right() {
        return mailedRight + heldRight;
    }

    public int wrong() {
        return mailedWrong + heldWrong;
    }

    /** Share of the right culprits that were mailed (recall of the mail gate). */
    public double mailedRightRate() {
        return ratio(mailedRight, right());
    }

    /** Share of the wrong culprits that were held back (recall of doubt). */
    public double heldWrongRate() {
        return ratio(heldWrong, wrong());
    }

    /** Share of the mailed culprits that were right. */
    public double mailPrecision() {
        return ratio(mailedRight, mailedRight + mailedWrong);
    }

    /** Share of the held culprits that were wrong. */
    public double holdPrecision() {
        return ratio(heldWrong, heldWrong + heldRight);
    }

    /** Share of the wrong culprits that were mailed without any doubt stated. */
    public double unstatedWrongRate() {
        return ratio(mailedWrongUnstated, wrong());
    }

    public boolean meets(double minHeldWrong, double minMailedRight) {
        return heldWrongRate() >= minHeldWrong && mailedRightRate() >= minMailedRight;
    }

    /** Whether fewer than {@code maxUnstatedWrong} of the wrong culprits were mailed without any doubt stated. */
    public boolean meets(double minHeldWrong, double minMailedRight, double maxUnstatedWrong) {
        return meets(minHeldWrong, minMailedRight) && unstatedWrongRate() < maxUnstatedWrong;
    }

    /** A small table: rows right/wrong culprit, columns mailed/held, with rates and precision. */
    public String format(String name) {
        StringBuilder b = new StringBuilder();
        b.append(name).append('\n');
        b.append(String.format(Locale.ROOT, "  %-15s %7s %7s%n", "", "mailed", "held"));
        b.append(String.format(Locale.ROOT, "  %-15s %7d %7d   mailed %d/%d right culprits (%s)%n",
                "right culprit", mailedRight, heldRight, mailedRight, right(), percent(mailedRightRate())));
        b.append(String.format(Locale.ROOT, "  %-15s %7d %7d   held %d/%d wrong culprits (%s)%n",
                "wrong culprit", mailedWrong, heldWrong, heldWrong, wrong(), percent(heldWrongRate())));
        b.append(String.format(Locale.ROOT, "  %-15s %7s %7s   mailed %d/%d wrong culprits with no doubt stated (%s)%n",
                "", "", "", mailedWrongUnstated, wrong(), percent(unstatedWrongRate())));
        b.append(String.format(Locale.ROOT, "  precision: %s of mailed culprits right, %s of held culprits wrong%n",
                percent(mailPrecision()), percent(holdPrecision())));
        return b.toString();
    }

    static String percent(double r) {
        return Double.isNaN(r) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", r * 100);
    }

    private static double ratio(int a, int b) {
        return b == 0 ? Double.NaN : (double) a / b;
    }
}
