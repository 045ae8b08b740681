package dev.culprit.assess;

import dev.culprit.model.Sha256;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The labelled logs set aside before any signal or weight is chosen, and judged once at the end:
 * the fifth of the logs (rounded) whose SHA-256 of {@code SEED + name} is smallest. The choice
 * depends on the set of names alone, never on labels or signals; it belongs to one set of labelled
 * logs (when logs are added, a few may change sides).
 */
public final class Holdout {
    /** The seed; changing it draws another holdout. */
    public static final String SEED = "culprit-holdout-1:";
    /** The share of the labelled logs set aside. */
    public static final double SHARE = 0.2;

    private Holdout() {}

    /** The names of the holdout logs among {@code names}. */
    public static Set<String> of(List<String> names) {
        int n = (int) Math.round(names.size() * SHARE);
        return names.stream().distinct()
                .sorted(Comparator.comparing(Holdout::key).thenComparing(Function.identity()))
                .limit(n)
                .collect(Collectors.toUnmodifiableSet());
    }

    static String key(String name) {
        return Sha256.hex(SEED + name);
    }

    /** The items whose name is (or is not) in the holdout. */
    public static <T> List<T> split(List<T> items, Function<T, String> name, boolean holdout) {
        Set<String> h = of(items.stream().map(name).toList());
        return items.stream().filter(i -> h.contains(name.apply(i)) == holdout).toList();
    }
}
