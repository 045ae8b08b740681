package dev.culprit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.Sidecar;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SidecarReaderTest {
    private final SidecarReader reader = new SidecarReader();

    private Sidecar read(String json) throws ConfigException {
        return reader.read(new StringReader(json), "4711.log.json");
    }

    @Test
    void readsEveryField() throws Exception {
        Sidecar s = read("""
                {"bug-id": "8e4a1e6cd3b7c2f5a1d0", "title": "possible deadlock in hfsplus_file_extend",
                 "links": {"dashboard": "https://syzkaller.appspot.com/bug?extid=8e4a1e6cd3b7c2f5a1d0",
                           "log": "https://example.org/log", "kernel-config": "https://example.org/config",
                           "repro-c": "https://example.org/repro.c", "repro-syz": "https://example.org/repro.syz"},
                 "message-id": "<000000000000a1b2c3@google.com>",
                 "reported-by": "syzbot+8e4a1e6cd3b7c2f5a1d0@syzkaller.appspotmail.com",
                 "to": ["Some One <one@example.org>"], "cc": ["list@lists.example.org"]}
                """);
        assertThat(s).isEqualTo(new Sidecar("8e4a1e6cd3b7c2f5a1d0", "possible deadlock in hfsplus_file_extend",
                new Sidecar.Links("https://syzkaller.appspot.com/bug?extid=8e4a1e6cd3b7c2f5a1d0", "https://example.org/log",
                        "https://example.org/config", "https://example.org/repro.c", "https://example.org/repro.syz"),
                "<000000000000a1b2c3@google.com>", "syzbot+8e4a1e6cd3b7c2f5a1d0@syzkaller.appspotmail.com",
                List.of("Some One <one@example.org>"), List.of("list@lists.example.org")));
    }

    @Test
    void everyFieldIsOptional() throws Exception {
        assertThat(read("{}")).isEqualTo(Sidecar.empty());
    }

    @Test
    void unknownKeyIsNamedWithFileAndPath() {
        assertThatThrownBy(() -> read("{\"links\": {\"dashbord\": \"https://x.org\"}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("4711.log.json: links.dashbord: unknown key; known keys here: dashboard, kernel-config, log, repro-c, repro-syz");
    }

    @Test
    void messageIdWithNewlineIsRejectedWithItsKey() {
        assertThatThrownBy(() -> read("{\"message-id\": \"<a@b>\\r\\nBcc: victim@example.org\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("4711.log.json: message-id: not a Message-ID like <id@host>: \"<a@b>\\u000d\\u000aBcc: victim@example.org\"");
    }

    @Test
    void nonHttpLinkIsRejectedWithItsKey() {
        assertThatThrownBy(() -> read("{\"links\": {\"repro-c\": \"javascript:alert(1)\"}}"))
                .hasMessageStartingWith("4711.log.json: links.repro-c: not an http(s) URL without spaces: \"javascript:alert(1)\"");
    }

    @Test
    void brokenJsonNamesTheLine() {
        assertThatThrownBy(() -> read("{\n\"title\": \n"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("4711.log.json: line ");
    }

    @Test
    void readsTheSidecarBesideALogOrNothing(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("4711.log");
        Files.writeString(log, "log");
        assertThat(reader.readBeside(log)).isEmpty();
        Files.writeString(dir.resolve("4711.log.json"), "{\"bug-id\": \"abc\"}");
        assertThat(reader.readBeside(log)).get().extracting(Sidecar::bugId).isEqualTo("abc");
    }

    @Test
    void refusesASymlinkedSidecar(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("4711.log");
        Files.writeString(log, "log");
        Files.writeString(dir.resolve("elsewhere.json"), "{}");
        Files.createSymbolicLink(dir.resolve("4711.log.json"), dir.resolve("elsewhere.json"));
        assertThatThrownBy(() -> reader.readBeside(log)).hasMessageEndingWith("4711.log.json: a symbolic link, not a sidecar file");
    }
}
