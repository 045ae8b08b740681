package dev.culprit.recipients;

import dev.culprit.model.Recipient;
import java.util.List;

/** Stored recipients re-checked against the current lists: who may still be mailed, who not and why. */
public record Filtered(List<Recipient> kept, List<Dropped> dropped) {
    public Filtered {
        kept = List.copyOf(kept);
        dropped = List.copyOf(dropped);
    }
}
