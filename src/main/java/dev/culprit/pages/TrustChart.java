package dev.culprit.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The geometry of the precision chart, drawn by the template as SVG: months along x, precision
 * 0..100 % up y, a point for each month with a known outcome and a line through the cumulative
 * precision. Only numbers and short labels come out of here; the template writes the elements,
 * with presentation attributes and no style attribute.
 */
final class TrustChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 260;
    private static final int LEFT = 48;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    /** At most this many month labels along x. */
    private static final int X_LABELS = 8;

    private TrustChart() {}

    /**
     * One month of the chart.
     *
     * @param monthly the month's precision (0..1), or NaN when no outcome is known
     * @param cumulative the precision up to and including the month, or NaN
     */
    record Month(String label, double monthly, double cumulative) {}

    static Map<String, Object> model(List<Month> months) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("width", WIDTH);
        m.put("height", HEIGHT);
        m.put("left", LEFT);
        m.put("right", WIDTH - RIGHT);
        m.put("top", TOP);
        m.put("bottom", HEIGHT - BOTTOM);
        List<Map<String, Object>> grid = new ArrayList<>();
        for (int p = 0; p <= 100; p += 25) {
            grid.add(Map.of("y", num(y(p / 100.0)), "label", p + " %"));
        }
        m.put("grid", grid);
        List<Map<String, Object>> points = new ArrayList<>();
        List<Map<String, Object>> labels = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int every = Math.max(1, (months.size() + X_LABELS - 1) / X_LABELS);
        for (int i = 0; i < months.size(); i++) {
            Month mo = months.get(i);
            String x = num(x(i, months.size()));
            if (!Double.isNaN(mo.monthly())) {
                points.add(Map.of("x", x, "y", num(y(mo.monthly())), "label", mo.label() + ": " + percent(mo.monthly())));
            }
            if (!Double.isNaN(mo.cumulative())) {
                line.append(line.length() == 0 ? "" : " ").append(x).append(',').append(num(y(mo.cumulative())));
            }
            if (i % every == 0) {
                labels.add(Map.of("x", x, "label", mo.label()));
            }
        }
        m.put("points", points);
        m.put("line", line.toString());
        m.put("xLabels", labels);
        m.put("xLabelY", HEIGHT - BOTTOM + 18);
        return m;
    }

    static String percent(double ratio) {
        return Double.isNaN(ratio) ? "unknown" : String.format(Locale.ROOT, "%.1f %%", Math.floor(ratio * 1000) / 10);
    }

    private static double x(int i, int n) {
        double span = WIDTH - LEFT - RIGHT;
        return n <= 1 ? LEFT + span / 2 : LEFT + span * i / (n - 1);
    }

    private static double y(double ratio) {
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - ratio);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
