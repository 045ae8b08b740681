package dev.culprit.model;

import java.util.List;

/**
 * What config minimization and instrumentation dropping reported.
 *
 * @param base {@code base=} count, or null
 * @param full {@code full=} count, or null
 * @param diff {@code diff=} / {@code leaves diff=} count, or null
 * @param minimizedTo {@code minimized to N configs}, or null
 * @param suspects configs named as suspects or as the resulting configs
 * @param droppedInstrumentation instrumentation disabled because the bug reproduces without it
 * @param outcome a free-text summary line ({@code base config crashes}, {@code minimizing config failed: ...})
 */
public record Minimization(
        Integer base,
        Integer full,
        Integer diff,
        Integer minimizedTo,
        List<String> suspects,
        List<String> droppedInstrumentation,
        String outcome) {
    public Minimization {
        suspects = List.copyOf(suspects);
        droppedInstrumentation = List.copyOf(droppedInstrumentation);
    }
}
