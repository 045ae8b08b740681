package dev.culprit.parse;

import dev.culprit.model.Problem;
import java.util.ArrayList;
import java.util.List;

/** The problems of one parse, bounded in number: past the cap they are only counted. */
final class Problems {
    static final int MAX = 200;

    private final List<Problem> list = new ArrayList<>();
    private long dropped;

    void add(long line, String message) {
        if (list.size() < MAX) {
            list.add(new Problem((int) Math.min(line, Integer.MAX_VALUE), message));
        } else {
            dropped++;
        }
    }

    List<Problem> toList() {
        if (dropped == 0) {
            return list;
        }
        List<Problem> out = new ArrayList<>(list);
        out.add(new Problem(0, dropped + " more problems not listed"));
        return out;
    }
}
