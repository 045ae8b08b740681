package dev.culprit.replies;

import dev.culprit.model.Recipient;
import java.util.Locale;
import java.util.Optional;

/**
 * Who may give which command about a result. {@code wrong}, {@code blame} and {@code confirm}: the
 * culprit's author, a moderator or any person the result was sent to; {@code uncc} and
 * {@code unsubscribe}: any sender, for themself; {@code release} and {@code drop}: moderators only.
 * A mailing list is never a person the result was sent to: lists rewrite From and re-sign, so
 * otherwise anyone posting to a list could act. Addresses are compared without regard to case.
 */
public final class Permissions {
    private Permissions() {
    }

    /** @param speaker the authenticated sender's address */
    public static Permission decide(Command command, String speaker, ResultParties parties) {
        String who = normal(speaker);
        if (command.forSelf()) {
            return Permission.as(Permission.Role.SELF);
        }
        boolean moderator = parties.moderators().stream().anyMatch(m -> normal(m).equals(who));
        if (command.moderation()) {
            return moderator ? Permission.as(Permission.Role.MODERATOR)
                    : Permission.refused(command.name() + " is for moderators only, and " + who + " is not one");
        }
        if (parties.culpritAuthor() != null && normal(parties.culpritAuthor()).equals(who)) {
            return Permission.as(Permission.Role.CULPRIT_AUTHOR);
        }
        if (moderator) {
            return Permission.as(Permission.Role.MODERATOR);
        }
        Optional<Recipient> sentTo = parties.recipients().stream().filter(r -> normal(r.address()).equals(who))
                .findFirst();
        if (sentTo.isPresent() && !sentTo.get().isList()) {
            return Permission.as(Permission.Role.PERSON_SENT_TO);
        }
        if (sentTo.isPresent()) {
            return Permission.refused(who + " is a mailing list the result was sent to, not a person; "
                    + command.name() + " is for the culprit's author, a moderator or a person the result was sent to");
        }
        return Permission.refused(who + " is not the culprit's author, a moderator or a person the result was"
                + " sent to; only they may say " + command.name());
    }

    private static String normal(String address) {
        return address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
    }
}
