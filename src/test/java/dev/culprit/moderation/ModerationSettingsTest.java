package dev.culprit.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.config.ConfigException;
import dev.culprit.config.ConfigLoader;
import dev.culprit.config.CulpritConfig;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ModerationSettingsTest {
    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void noModerationAddressByDefault() throws Exception {
        assertThat(CulpritConfig.defaults().moderation().moderator()).isEmpty();
    }

    @Test
    void readsTheModerationAddressWithItsName() throws Exception {
        CulpritConfig c = loader.read(new StringReader("moderation:\n  address: \"Bisection moderators <mod@example.org>\"\n"),
                "culprit.yaml");
        assertThat(c.moderation().moderator()).get().satisfies(a -> {
            assertThat(a.addrSpec()).isEqualTo("mod@example.org");
            assertThat(a.name()).isEqualTo("Bisection moderators");
        });
    }

    @Test
    void aBadModerationAddressIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.read(new StringReader("moderation:\n  address: \"mod@example.org\\r\\nBcc: x@y.z\"\n"),
                "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: moderation.address: address contains a control character");
    }

    @Test
    void anUnknownModerationKeyIsRejected() {
        assertThatThrownBy(() -> loader.read(new StringReader("moderation:\n  adress: mod@example.org\n"), "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: moderation.adress: unknown key; known keys here: address, moderators");
    }

    @Test
    void readsTheModeratorsAsLowerCaseAddresses() throws Exception {
        CulpritConfig c = loader.read(new StringReader("moderation:\n  moderators: [Alice@Example.org, \"Bob <bob@example.org>\"]\n"),
                "culprit.yaml");
        assertThat(c.moderation().moderators()).containsExactly("alice@example.org", "bob@example.org");
        assertThat(CulpritConfig.defaults().moderation().moderators()).isEmpty();
    }

    @Test
    void aBadModeratorIsNamedWithItsPath() {
        assertThatThrownBy(() -> loader.read(new StringReader("moderation:\n  moderators: [ok@example.org, \"not an address\"]\n"),
                "culprit.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("culprit.yaml: moderation.moderators[1]: ");
    }
}
