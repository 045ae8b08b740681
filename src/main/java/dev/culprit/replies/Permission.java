package dev.culprit.replies;

/**
 * Whether a speaker may give a command about a result: the role that allows it, or null with the
 * reason it is refused.
 */
public record Permission(Role role, String reason) {
    /** Why the speaker may act; the strongest role first. */
    public enum Role {
        CULPRIT_AUTHOR("the culprit's author"),
        MODERATOR("a moderator"),
        PERSON_SENT_TO("a person the result was sent to"),
        SELF("the sender, for themself");

        private final String text;

        Role(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public boolean allowed() {
        return role != null;
    }

    static Permission as(Role role) {
        return new Permission(role, role.text());
    }

    static Permission refused(String reason) {
        return new Permission(null, reason);
    }
}
