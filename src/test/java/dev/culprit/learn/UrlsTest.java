package dev.culprit.learn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlsTest {
    @Test
    void normalisesSchemeHostCaseAndTrailingSlashButNotThePath() {
        assertThat(Urls.normalise("HTTP://Example.ORG/Bug/")).isEqualTo("https://example.org/Bug");
        assertThat(Urls.normalise("https://example.org")).isEqualTo("https://example.org");
        assertThat(Urls.normalise(" <https://example.org/x?id=A> ")).isEqualTo("https://example.org/x?id=A");
    }

    @Test
    void leavesTextThatIsNoUrl() {
        assertThat(Urls.normalise(" not a url ")).isEqualTo("not a url");
    }

    @Test
    void makesTheArchiveLinkOfAMail() {
        assertThat(Urls.archiveLink("https://lore.kernel.org/r/{messageId}", "<culprit.abc@example.org>"))
                .isEqualTo("https://lore.kernel.org/r/culprit.abc@example.org");
    }
}
