package dev.culprit.model;

import java.util.List;
import java.util.Objects;

/** A parsed log: the report plus everything odd the parser noticed, each with its line. */
public record ParseResult(BisectionReport report, List<Problem> problems) {
    public ParseResult {
        Objects.requireNonNull(report, "report");
        problems = List.copyOf(problems);
    }
}
