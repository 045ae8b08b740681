package dev.culprit.replies;

/**
 * Who sent a reply, as far as culprit can tell. {@code address} is the lower-cased From address
 * when {@code authenticated}, otherwise whatever From said (or null); {@code how} says how the
 * sender was authenticated, or why not, for the log and the history.
 */
public record Speaker(String address, boolean authenticated, String how) {
    static Speaker refused(String address, String why) {
        return new Speaker(address, false, why);
    }
}
