package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CallTraceTest {
    /** The frame pattern as it was first written, run over a whole text: what CallTrace must find. */
    private static final java.util.regex.Pattern WHOLE_TEXT_FRAME = java.util.regex.Pattern.compile(
            "([A-Za-z_][A-Za-z0-9_.]*)(?:\\+0x[0-9a-f]+/0x[0-9a-f]+)?(?: \\[[A-Za-z0-9_]+\\])?"
                    + " ((?:[A-Za-z0-9_.+-]+/)*[A-Za-z0-9_+-][A-Za-z0-9_.+-]*\\.[chS]):\\d+");

    @Test
    void readsFilesFunctionsAndArchesOfFrames() {
        CallTrace t = CallTrace.of("""
                BUG: KASAN: use-after-free in __list_del_entry_valid+0xe7/0xf3 lib/list_debug.c:54
                Call Trace:
                 __dump_stack lib/dump_stack.c:77 [inline]
                 root_remove_peer_lists+0x1c7/0x420 drivers/net/wireguard/allowedips.c:70
                 ? wg_set_device.cold.12+0x10/0x20 drivers/net/wireguard/netlink.c:542
                 do_syscall_64+0xca/0x5f0 arch/x86/entry/common.c:294
                 entry_SYSCALL_64_after_hwframe+0x49/0xbe
                """);
        assertThat(t.files()).containsExactlyInAnyOrder("lib/list_debug.c", "lib/dump_stack.c",
                "drivers/net/wireguard/allowedips.c", "drivers/net/wireguard/netlink.c", "arch/x86/entry/common.c");
        assertThat(t.functions()).contains("__list_del_entry_valid", "__dump_stack", "wg_set_device", "do_syscall_64");
        assertThat(t.arches()).containsExactly("x86");
    }

    @Test
    void findsNothingInReportWithoutFileNames() {
        assertThat(CallTrace.of(" dump_stack+0x107/0x163\n kfree+0x10/0x20\n").isEmpty()).isTrue();
        assertThat(CallTrace.of(null).isEmpty()).isTrue();
    }

    @Test
    void readsTheSameFramesAsThePatternOverTheWholeTextInEveryCorpusLog() throws Exception {
        List<Path> logs;
        try (Stream<Path> s = Stream.concat(
                Files.list(Path.of(CallTraceTest.class.getResource("/corpus").toURI())),
                Files.list(Path.of(CallTraceTest.class.getResource("/corpus/real").toURI())))) {
            logs = s.filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".log")).toList();
        }
        assertThat(logs).hasSizeGreaterThan(250);
        int withFrames = 0;
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            Set<String> files = new LinkedHashSet<>();
            Set<String> functions = new LinkedHashSet<>();
            Matcher m = WHOLE_TEXT_FRAME.matcher(text);
            while (m.find()) {
                String fn = m.group(1);
                functions.add(fn.contains(".") && fn.indexOf('.') > 0 ? fn.substring(0, fn.indexOf('.')) : fn);
                files.add(m.group(2).startsWith("./") ? m.group(2).substring(2) : m.group(2));
            }
            CallTrace t = CallTrace.of(text);
            assertThat(t.files()).as(log.getFileName().toString()).isEqualTo(files);
            assertThat(t.functions()).as(log.getFileName().toString()).isEqualTo(functions);
            withFrames += files.isEmpty() ? 0 : 1;
        }
        assertThat(withFrames).isGreaterThan(200);
    }
}
