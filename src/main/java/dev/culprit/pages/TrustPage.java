package dev.culprit.pages;

import dev.culprit.assess.Confusion;
import dev.culprit.model.Precision;
import dev.culprit.store.LabelHistory;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The page at {@code /trust}: the gate's measured precision (right among the mailed culprits
 * whose outcome is known) month by month, as a chart and as a table, and the confusion table of
 * the gate's verdicts against the labels.
 */
final class TrustPage {
    private TrustPage() {}

    static Map<String, Object> model(List<Instant> mailed, List<LabelHistory.Judged> judged, int minLabelled, Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", "Measured precision");
        m.put("now", PageText.time(now));
        TreeMap<YearMonth, long[]> byMonth = months(mailed, judged);
        List<Map<String, Object>> rows = new ArrayList<>();
        List<TrustChart.Month> chart = new ArrayList<>();
        long[] total = new long[3];
        for (Map.Entry<YearMonth, long[]> e : byMonth.entrySet()) {
            long[] c = e.getValue();
            for (int i = 0; i < 3; i++) {
                total[i] += c[i];
            }
            Precision month = precision(c);
            Precision sofar = precision(total);
            rows.add(Map.of("month", e.getKey().toString(), "mailed", month.mailed(), "right", month.right(),
                    "wrong", month.wrong(), "precision", TrustChart.percent(month.ratio()),
                    "cumulative", TrustChart.percent(sofar.ratio())));
            chart.add(new TrustChart.Month(e.getKey().toString(), month.ratio(), sofar.ratio()));
        }
        m.put("months", rows);
        m.put("chart", TrustChart.model(chart));
        m.put("allTime", precision(total).describe());
        m.put("minLabelled", minLabelled);
        m.put("confusion", confusion(judged));
        return m;
    }

    private static Precision precision(long[] c) {
        return new Precision(Math.max(c[0], c[1] + c[2]), c[1] + c[2], c[1], c[2]);
    }

    /** Per month of sending: culprits mailed, right, wrong. */
    private static TreeMap<YearMonth, long[]> months(List<Instant> mailed, List<LabelHistory.Judged> judged) {
        TreeMap<YearMonth, long[]> out = new TreeMap<>();
        for (Instant t : mailed) {
            out.computeIfAbsent(YearMonth.from(t.atZone(ZoneOffset.UTC)), k -> new long[3])[0]++;
        }
        for (LabelHistory.Judged j : judged) {
            if (j.sentAt() != null) {
                out.computeIfAbsent(YearMonth.from(j.sentAt().atZone(ZoneOffset.UTC)), k -> new long[3])[j.right() ? 1 : 2]++;
            }
        }
        return out;
    }

    private static Map<String, Object> confusion(List<LabelHistory.Judged> judged) {
        Confusion c = Confusion.empty();
        for (LabelHistory.Judged j : judged) {
            c = c.add("mail".equals(j.verdict()), j.right());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mailedRight", c.mailedRight());
        m.put("mailedWrong", c.mailedWrong());
        m.put("heldRight", c.heldRight());
        m.put("heldWrong", c.heldWrong());
        m.put("mailPrecision", TrustChart.percent(c.mailPrecision()));
        m.put("holdPrecision", TrustChart.percent(c.holdPrecision()));
        m.put("labelled", c.right() + c.wrong());
        return m;
    }
}
