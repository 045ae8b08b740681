package dev.culprit.recipients;

import dev.culprit.model.Recipient;
import java.util.List;
import java.util.Objects;

/**
 * A de-duplicated candidate with everything the policy ranks it by.
 *
 * @param address the parsed address (display name from the first source that gave one)
 * @param field To when any source put it in To, else Cc
 * @param tie its strongest tie
 * @param kind a mailing list when any source named it as one, else a person
 * @param reasons every reason, strongest tie first
 * @param kept true for the culprit's author and the first subsystem list: never trimmed by the cap
 * @param order position of its first appearance, to keep the order stable
 */
public record Ranked(Address address, Recipient.Field field, Tie tie, Recipient.Kind kind, List<String> reasons, boolean kept,
        int order) {
    public Ranked {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(tie, "tie");
        Objects.requireNonNull(kind, "kind");
        reasons = List.copyOf(reasons);
    }

    public Recipient toRecipient() {
        return new Recipient(address.addrSpec(), address.name(), field, kind, reasons);
    }
}
