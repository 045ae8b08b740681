package dev.culprit.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.render.Renderer;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageTemplatesTest {
    private static final Path PAGES = Path.of("src/main/resources/culprit/pages");

    @Test
    void theOperatorsTemplateDirectoryCannotReplaceAPage(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("pages"));
        Files.writeString(dir.resolve("pages/held.ftlh"), "REPLACED");
        Files.writeString(dir.resolve("held.ftlh"), "REPLACED");
        Renderer renderer = new Renderer(new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(dir.toFile()),
            Renderer.bundledLoader()}));

        String page = renderer.renderPage("held.ftlh", Map.of("title", "Held results", "now", "now", "held", List.of(), "total", 0));

        assertThat(page).doesNotContain("REPLACED").contains("<h1>Held results</h1>").contains("No held results.");
    }

    @Test
    void aPageEscapesWhatItIsGiven() throws Exception {
        Renderer renderer = new Renderer(Renderer.bundledLoader());

        String page = renderer.renderPage("held.ftlh", Map.of("title", "<i>x</i> ${title}", "now", "now", "held", List.of(), "total", 0));

        assertThat(page).contains("<h1>&lt;i&gt;x&lt;/i&gt; ${title}</h1>");
    }

    @Test
    void noTemplateTurnsEscapingOffOrCarriesScriptOrInlineStyle() throws Exception {
        try (Stream<Path> files = Files.list(PAGES)) {
            List<Path> templates = files.filter(p -> p.toString().endsWith(".ftlh")).toList();
            assertThat(templates).hasSizeGreaterThanOrEqualTo(5);
            for (Path t : templates) {
                assertThat(Files.readString(t)).as(t.toString()).doesNotContain("no_esc").doesNotContain("?esc")
                        .doesNotContain("noautoesc").doesNotContain("outputformat").doesNotContain("<script")
                        .doesNotContain("style=").doesNotContain("http://").doesNotContain("https://")
                        .doesNotContain("on" + "click");
            }
        }
    }
}
