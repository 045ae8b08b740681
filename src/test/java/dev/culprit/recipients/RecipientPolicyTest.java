package dev.culprit.recipients;

import static org.assertj.core.api.Assertions.assertThat;

import dev.culprit.model.BisectionReport;
import dev.culprit.model.Commit;
import dev.culprit.model.Recipient;
import dev.culprit.model.Recipient.Field;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.Sidecar;
import dev.culprit.model.Trailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecipientPolicyTest {
    private static List<Ranked> candidates(BisectionReport r) {
        return RecipientSettings.defaults().resolver().resolve(r, Sidecar.empty()).candidates();
    }

    private static BisectionReport withTrailers(Trailer... trailers) {
        Commit c = ReportBuilder.commit(ReportBuilder.CULPRIT, "x: y", "Author", "author@example.org", List.of(trailers));
        return ReportBuilder.culprit().culprit(c).build();
    }

    @Test
    void dropsDefaultDenyListWithTheReason() {
        BisectionReport r = withTrailers(
                new Trailer("Tested-by", "syzbot+8e4a1e6cd3b7c2f5a1d0@syzkaller.appspotmail.com"),
                new Trailer("Tested-by", "kernel test robot <lkp@intel.com>"),
                new Trailer("Signed-off-by", "Stable <STABLE@vger.kernel.org>"));
        PolicyResult p = RecipientPolicy.defaults().apply(candidates(r));
        assertThat(p.dropped()).containsExactly(
                new Dropped("syzbot+8e4a1e6cd3b7c2f5a1d0@syzkaller.appspotmail.com", "on the deny list (syzbot+*@syzkaller.appspotmail.com)"),
                new Dropped("lkp@intel.com", "on the deny list (lkp@intel.com)"),
                new Dropped("STABLE@vger.kernel.org", "on the deny list (stable@vger.kernel.org)"));
        assertThat(p.recipients()).extracting(Recipient::address).doesNotContain("lkp@intel.com");
    }

    @Test
    void honoursOptedOutAddressesAndDomainsWithSubdomains() {
        OptOuts optOuts = OptOuts.parse("# people who asked\nviro@zeniv.linux.org.uk\n@suse.cz\n\nkernel.org\n");
        PolicyResult p = RecipientSettings.defaults().policy(optOuts).apply(candidates(ReportBuilder.culprit().build()));
        assertThat(p.dropped()).containsExactly(
                new Dropped("brauner@kernel.org", "opted out (domain kernel.org)"),
                new Dropped("linux-fsdevel@vger.kernel.org", "opted out (domain kernel.org)"),
                new Dropped("viro@zeniv.linux.org.uk", "opted out"),
                new Dropped("jack@suse.cz", "opted out (domain suse.cz)"),
                new Dropped("linux-kernel@vger.kernel.org", "opted out (domain kernel.org)"));
        assertThat(p.recipients()).extracting(Recipient::address).containsExactly("sandeen@redhat.com");
    }

    @Test
    void keepsOnlyAllowedDomains() {
        RecipientPolicy policy = new RecipientPolicy(List.of(), OptOuts.none(), List.of("kernel.org"), 20, null);
        PolicyResult p = policy.apply(candidates(ReportBuilder.culprit().build()));
        assertThat(p.recipients()).extracting(Recipient::address)
                .containsExactly("brauner@kernel.org", "linux-fsdevel@vger.kernel.org", "linux-kernel@vger.kernel.org");
        assertThat(p.dropped()).extracting(Dropped::reason).containsOnly("outside the allowed domains");
    }

    @Test
    void capTrimsWeakestTiesFirstAndNeverTheAuthorOrFirstSubsystemList() {
        BisectionReport r = withTrailers(
                new Trailer("Tested-by", "tester@example.org"),
                new Trailer("Reviewed-by", "reviewer@example.org"),
                new Trailer("Signed-off-by", "maint@example.org"));
        RecipientPolicy policy = new RecipientPolicy(List.of(), OptOuts.none(), List.of(), 2, null);
        PolicyResult p = policy.apply(candidates(r));
        assertThat(p.recipients()).extracting(Recipient::address)
                .containsExactly("author@example.org", "linux-fsdevel@vger.kernel.org");
        assertThat(p.trimmed()).extracting(Recipient::address).startsWith(
                "linux-kernel@vger.kernel.org", "tester@example.org", "reviewer@example.org", "jack@suse.cz");
    }

    @Test
    void capOfFourKeepsTheStrongestTies() {
        BisectionReport r = withTrailers(new Trailer("Tested-by", "tester@example.org"));
        PolicyResult p = new RecipientPolicy(List.of(), OptOuts.none(), List.of(), 4, null).apply(candidates(r));
        assertThat(p.recipients()).extracting(Recipient::address)
                .containsExactly("author@example.org", "brauner@kernel.org", "sandeen@redhat.com", "linux-fsdevel@vger.kernel.org");
    }

    @Test
    void redirectAllSendsToOneAddressAndKeepsWhoWouldHaveReceivedIt() {
        RecipientPolicy policy = new RecipientPolicy(RecipientPolicy.DEFAULT_DENY, OptOuts.none(), List.of(), 20, "staging@example.org");
        PolicyResult p = policy.apply(candidates(ReportBuilder.culprit().build()));
        assertThat(p.recipients()).singleElement().satisfies(x -> {
            assertThat(x.address()).isEqualTo("staging@example.org");
            assertThat(x.field()).isEqualTo(Field.TO);
        });
        assertThat(p.redirected()).extracting(Recipient::address).hasSize(6).contains("sandeen@redhat.com");
    }

    @Test
    void filterReappliesCurrentOptOutsToAStoredList() {
        List<Recipient> stored = List.of(
                new Recipient("sandeen@redhat.com", "Eric Sandeen", Field.TO, List.of("author of the culprit commit")),
                new Recipient("jack@suse.cz", null, Field.CC, List.of("named by the bisection for Cc")),
                new Recipient("lkp@intel.com", null, Field.CC, List.of("stored before the deny list had it")));
        Filtered f = RecipientPolicy.defaults().withOptOuts(new OptOuts(Set.of("Jack@SUSE.cz"), Set.of())).filter(stored);
        assertThat(f.kept()).containsExactly(stored.get(0));
        assertThat(f.dropped()).containsExactly(
                new Dropped("jack@suse.cz", "opted out"),
                new Dropped("lkp@intel.com", "on the deny list (lkp@intel.com)"));
    }

    @Test
    void denyPatternsMatchWholeAddressesOnly() {
        RecipientPolicy policy = new RecipientPolicy(List.of("bot@example.org", "*-bot@example.org"), OptOuts.none(), List.of(), 20, null);
        assertThat(policy.dropReason(Address.of("notabot@example.org"))).isEmpty();
        assertThat(policy.dropReason(Address.of("robot@example.org.evil"))).isEmpty();
        assertThat(policy.dropReason(Address.of("ci-bot@example.org"))).contains("on the deny list (*-bot@example.org)");
    }

    @Test
    void optOutListRejectsGarbageWithItsLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OptOuts.parse("a@b.org\nnot an address\n"))
                .hasMessage("line 2: neither an address nor a domain: \"not an address\"");
    }

    @Test
    void largeCandidateListsStayOrderedAndDeterministic() {
        List<String> cc = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            cc.add("p" + i + "@example.org");
        }
        BisectionReport r = ReportBuilder.culprit().cc(cc).build();
        PolicyResult a = RecipientPolicy.defaults().apply(candidates(r));
        PolicyResult b = RecipientPolicy.defaults().apply(candidates(r));
        assertThat(a).isEqualTo(b);
        assertThat(a.trimmed().get(0).address()).isEqualTo("p99@example.org");
    }
}
