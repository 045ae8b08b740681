package dev.culprit.replies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.Recipient;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PermissionsTest {
    private static final ResultParties PARTIES = new ResultParties("Author@Kernel.org", Set.of("mod@example.org"),
            List.of(new Recipient("maint@kernel.org", null, Recipient.Field.TO, List.of("maintainer")),
                    new Recipient("author@kernel.org", null, Recipient.Field.TO, List.of("author")),
                    new Recipient("linux-fs@vger.kernel.org", null, Recipient.Field.CC, Recipient.Kind.LIST,
                            List.of("list"))));
    private static final Command WRONG = new Command.Wrong("");

    @Test
    void theAuthorAModeratorAndAPersonSentToMaySayWrongBlameAndConfirm() {
        for (Command c : List.of(WRONG, new Command.Blame("7a819b1f87a1", ""), new Command.Confirm())) {
            assertThat(Permissions.decide(c, "AUTHOR@kernel.org", PARTIES).role())
                    .isEqualTo(Permission.Role.CULPRIT_AUTHOR);
            assertThat(Permissions.decide(c, "mod@example.org", PARTIES).role()).isEqualTo(Permission.Role.MODERATOR);
            assertThat(Permissions.decide(c, "maint@kernel.org", PARTIES).role())
                    .isEqualTo(Permission.Role.PERSON_SENT_TO);
        }
    }

    @Test
    void aMailingListIsNeverAPersonTheResultWasSentTo() {
        Permission p = Permissions.decide(WRONG, "linux-fs@vger.kernel.org", PARTIES);
        assertThat(p.allowed()).isFalse();
        assertThat(p.reason()).isEqualTo("linux-fs@vger.kernel.org is a mailing list the result was sent to, not a"
                + " person; wrong is for the culprit's author, a moderator or a person the result was sent to");
    }

    @Test
    void aStrangerMayNotSayWrong() {
        Permission p = Permissions.decide(new Command.Confirm(), "x@evil.example", PARTIES);
        assertThat(p).isEqualTo(new Permission(null, "x@evil.example is not the culprit's author, a moderator or a"
                + " person the result was sent to; only they may say confirm"));
    }

    @Test
    void onlyModeratorsReleaseOrDrop() {
        assertThat(Permissions.decide(new Command.Release(), "mod@example.org", PARTIES))
                .isEqualTo(new Permission(Permission.Role.MODERATOR, "a moderator"));
        Permission author = Permissions.decide(new Command.Drop("dup"), "author@kernel.org", PARTIES);
        assertThat(author.reason()).isEqualTo("drop is for moderators only, and author@kernel.org is not one");
    }

    @Test
    void anyoneMayUnccOrUnsubscribeThemself() {
        assertThat(Permissions.decide(new Command.Uncc(), "x@evil.example", PARTIES).role())
                .isEqualTo(Permission.Role.SELF);
        assertThat(Permissions.decide(new Command.Unsubscribe(), "linux-fs@vger.kernel.org", PARTIES).allowed())
                .isTrue();
    }

    @Test
    void aResultWithoutACulpritAuthorStillListsItsRecipients() {
        ResultParties none = new ResultParties(null, Set.of(), PARTIES.recipients());
        assertThat(Permissions.decide(WRONG, "author@kernel.org", none).role()).isEqualTo(Permission.Role.PERSON_SENT_TO);
        assertThat(Permissions.decide(WRONG, "mod@example.org", none).allowed()).isFalse();
    }
}
