package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitleSubsystemTest {
    private static final CallTrace TRACE = CallTrace.of("""
            Call Trace:
             dump_stack+0x107/0x163 lib/dump_stack.c:118
             ovl_lookup+0x3d4/0x1b70 fs/overlayfs/namei.c:1021
             nfsd4_proc_compound+0x78/0x2b0 fs/nfsd/nfs4proc.c:2226
             radix_tree_insert+0x1/0x2 lib/radix-tree.c:10
             __do_sys_clone+0x2d/0x70 kernel/fork.c:46
             ext4_file_read_iter+0x2d/0x70 fs/ext4/file.c:46
            """);

    @Test
    void takesTheNamesOfTheTitlePrefixWithoutTopLevelDirectories() {
        assertThat(TitleSubsystem.names("net: tipc: have genetlink code parse attrs")).containsExactly("tipc");
        assertThat(TitleSubsystem.names("drm/i915/cnl: WaPipeControlBefore3DStateSamplePattern"))
                .containsExactly("i915", "cnl");
        assertThat(TitleSubsystem.names("fou, fou6: ICMP error handlers for FoU and GUE")).containsExactly("fou", "fou6");
        assertThat(TitleSubsystem.names("copy_process(): don't use ksys_close() on cleanups"))
                .containsExactly("copy_process");
        assertThat(TitleSubsystem.names("Revert \"net: fix a leak\"")).isEmpty();
        assertThat(TitleSubsystem.names("no prefix at all")).isEmpty();
        assertThat(TitleSubsystem.names(null)).isEmpty();
    }

    @Test
    void findsANameInFunctionWordsAndPathParts() {
        for (String found : List.of("ovl", "overlayfs", "nfsd4", "radix-tree", "clone", "ext4", "fork")) {
            assertThat(TitleSubsystem.appearsIn(List.of(found), TRACE)).as(found).isTrue();
        }
        for (String missing : List.of("tipc", "i915", "fou", "xt", "io_uring")) {
            assertThat(TitleSubsystem.appearsIn(List.of(missing), TRACE)).as(missing).isFalse();
        }
        assertThat(TitleSubsystem.appearsIn(List.of("tipc", "ovl"), TRACE)).as("any name is enough").isTrue();
    }
}
