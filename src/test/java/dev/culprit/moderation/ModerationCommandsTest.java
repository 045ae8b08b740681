package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The moderator's commands: usage errors, exit codes, and what they say before any store exists. */
class ModerationCommandsTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void setUp() throws Exception {
        config = Bot.writeConfig(dir, 2525, "");
    }

    private CliRun cli(String... args) {
        return CliRun.withConfig(config, args);
    }

    @Test
    void beforeAnythingWasProcessedNothingIsHeldAndNoStoreIsCreated() {
        CliRun held = cli("held");

        assertThat(held.code()).isZero();
        assertThat(held.out()).isEqualTo("no held results (no store yet at " + dir.resolve("state") + ")\n");
        assertThat(cli("opt-out", "--list").out()).startsWith("the opt-out list is empty (no store yet at ");
        CliRun release = cli("release", "0123456789abcdef");
        assertThat(release.code()).isEqualTo(1);
        assertThat(release.err()).isEqualTo("culprit release: no store yet at " + dir.resolve("state") + " (nothing processed so far)\n");
        assertThat(Files.exists(dir.resolve("state"))).isFalse();
    }

    @Test
    void anOptOutCreatesTheStore() {
        CliRun add = cli("opt-out", "dev@example.org");

        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).isEqualTo("dev@example.org added to the opt-out list; taken off 0 queued or held mail(s)\n");
        assertThat(cli("opt-out", "dev@example.org").out()).startsWith("dev@example.org was on the opt-out list already");
        assertThat(cli("held").out()).isEqualTo("no held results\n");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(cli("opt-out").err()).isEqualTo("culprit opt-out: give one of: ADDRESS|DOMAIN, --list, --remove ADDRESS|DOMAIN\n");
        assertThat(cli("opt-out", "dev@example.org", "--list").code()).isEqualTo(2);
        assertThat(cli("opt-out", "--list", "--why", "x").err()).isEqualTo("culprit opt-out: --why goes with an ADDRESS|DOMAIN to add\n");
        CliRun bad = cli("opt-out", "dev@example.org>, other@example.org");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).startsWith("culprit opt-out: neither an address nor a domain: ");
        assertThat(cli("drop", "0123456789abcdef").code()).as("--why is required").isEqualTo(2);
        assertThat(cli("retract", "0123456789abcdef").code()).as("--why is required").isEqualTo(2);
        assertThat(cli("release").code()).as("KEY is required").isEqualTo(2);
    }

    @Test
    void aKeyThatIsNoKeyIsRefusedWithWhatToGive() {
        cli("opt-out", "dev@example.org");

        CliRun r = cli("release", "xyz");

        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("culprit release: not a result key: \"xyz\" (give at least 8 hex digits of the key "
                + "`culprit held` prints, or of the mail's X-Culprit-Key header)\n");
    }
}
