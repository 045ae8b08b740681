package dev.culprit.recipients;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Problem;
import dev.culprit.model.Recipient.Field;
import dev.culprit.model.Recipient.Kind;
import dev.culprit.model.Sidecar;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the candidates of every source, parses each address strictly (an unusable one becomes
 * a {@link Problem} and never a recipient), and merges duplicates case-insensitively, keeping
 * every reason.
 */
public final class RecipientResolver {
    /** Bad addresses described one by one before the rest are only counted. */
    static final int MAX_ADDRESS_PROBLEMS = 20;

    private final List<RecipientSource> sources;

    public RecipientResolver(List<RecipientSource> sources) {
        this.sources = List.copyOf(sources);
    }

    public Resolution resolve(BisectionReport report, Sidecar sidecar) {
        Map<String, Builder> merged = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        int bad = 0;
        for (RecipientSource source : sources) {
            for (Candidate c : source.candidates(report, sidecar)) {
                Address a;
                try {
                    a = Address.parse(c.raw());
                    if (a.name() == null && c.name() != null && Address.isUsableName(c.name())) {
                        a = a.withName(c.name());
                    }
                } catch (IllegalArgumentException e) {
                    if (++bad <= MAX_ADDRESS_PROBLEMS) {
                        problems.add(new Problem(0, "dropped an address " + c.reason() + ": " + e.getMessage()));
                    }
                    continue;
                }
                Builder b = merged.get(a.key());
                if (b == null) {
                    merged.put(a.key(), new Builder(a, c, merged.size()));
                } else {
                    b.add(a, c);
                }
            }
        }
        if (bad > MAX_ADDRESS_PROBLEMS) {
            problems.add(new Problem(0, "dropped " + (bad - MAX_ADDRESS_PROBLEMS) + " more unusable addresses"));
        }
        boolean firstList = true;
        List<Ranked> out = new ArrayList<>(merged.size());
        for (Builder b : merged.values()) {
            boolean kept = b.hasTie(Tie.AUTHOR);
            if (firstList && b.hasTie(Tie.SUBSYSTEM_LIST)) {
                kept = true;
                firstList = false;
            }
            out.add(b.build(kept));
        }
        return new Resolution(out, problems);
    }

    private static final class Builder {
        private Address address;
        private final int order;
        private final List<Candidate> from = new ArrayList<>();

        Builder(Address address, Candidate c, int order) {
            this.address = address;
            this.order = order;
            from.add(c);
        }

        void add(Address a, Candidate c) {
            if (address.name() == null && a.name() != null) {
                address = address.withName(a.name());
            }
            from.add(c);
        }

        boolean hasTie(Tie t) {
            return from.stream().anyMatch(c -> c.tie() == t);
        }

        Ranked build(boolean kept) {
            List<Candidate> sorted = from.stream().sorted(Comparator.comparing(Candidate::tie)).toList();
            Field field = from.stream().anyMatch(c -> c.field() == Field.TO) ? Field.TO : Field.CC;
            List<String> reasons = sorted.stream().map(Candidate::reason).distinct().toList();
            Kind kind = from.stream().anyMatch(c -> c.tie().list()) ? Kind.LIST : Kind.PERSON;
            return new Ranked(address, field, sorted.get(0).tie(), kind, reasons, kept, order);
        }
    }
}
