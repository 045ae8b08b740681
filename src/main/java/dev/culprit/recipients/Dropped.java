package dev.culprit.recipients;

import java.util.Objects;

/** An address the policy removed, and why ({@code on the deny list (lkp@intel.com)}). */
public record Dropped(String address, String reason) {
    public Dropped {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return address + ": " + reason;
    }
}
