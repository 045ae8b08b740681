package dev.culprit.recipients;

import dev.culprit.model.Problem;
import java.util.List;

/** The candidates of all sources, de-duplicated and ranked, with the addresses that were unusable. */
public record Resolution(List<Ranked> candidates, List<Problem> problems) {
    public Resolution {
        candidates = List.copyOf(candidates);
        problems = List.copyOf(problems);
    }
}
