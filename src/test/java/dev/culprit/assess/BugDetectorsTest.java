package dev.culprit.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BugDetectorsTest {
    @Test
    void detectorNamedInTheTitleIsFound() {
        assertThat(BugDetectors.changed("kasan, vmalloc: unpoison VM_ALLOC pages after mapping", List.of("mm/vmalloc.c")))
                .containsExactly("KASAN");
        assertThat(BugDetectors.changed("net: warn if transport header was not set", List.of("include/linux/skbuff.h")))
                .containsExactly("a warning");
        assertThat(BugDetectors.changed("netlink: add net device refcount tracker to struct ethnl_req_info",
                List.of("net/ethtool/netlink.c"))).containsExactly("the reference count tracker");
        assertThat(BugDetectors.changed("fault-inject: support systematic fault injection", List.of("fs")))
                .containsExactly("fault injection");
    }

    @Test
    void detectorSourceChangedUnderAnotherTitleIsFound() {
        assertThat(BugDetectors.changed("mm: slab: free objects in batches",
                List.of("mm/slab.c", "mm/kasan/common.c", "include/linux/lockdep.h", "lib/ref_tracker.c")))
                .containsExactly("KASAN", "lockdep", "the reference count tracker");
        assertThat(BugDetectors.changed("mm: failslab: honour gfp flags", List.of("mm/failslab.c")))
                .containsExactly("fault injection");
    }

    @Test
    void ordinaryCommitChangesNoDetector() {
        assertThat(BugDetectors.changed("ext4: fix compiler warnings in xattr code", List.of("fs/ext4/xattr.c"))).isEmpty();
        assertThat(BugDetectors.changed("x86/kvm: warning-free build with clang", List.of("arch/x86/kvm/x86.c"))).isEmpty();
        assertThat(BugDetectors.changed("kasanova: a driver", List.of("drivers/misc/kasanova.c"))).isEmpty();
        assertThat(BugDetectors.changed(null, List.of())).isEmpty();
    }
}
