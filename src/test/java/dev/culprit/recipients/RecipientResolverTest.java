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
import org.junit.jupiter.api.Test;

class RecipientResolverTest {
    private final RecipientSettings settings = RecipientSettings.defaults();

    private List<Recipient> resolve(BisectionReport r, Sidecar s) {
        return settings.policy(OptOuts.none()).apply(settings.resolver().resolve(r, s).candidates()).recipients();
    }

    @Test
    void authorAndSignersGoToMaintainersToListsToCc() {
        List<Recipient> got = resolve(ReportBuilder.culprit().build(), Sidecar.empty());
        assertThat(got).extracting(Recipient::field, Recipient::address).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Field.TO, "sandeen@redhat.com"),
                org.assertj.core.groups.Tuple.tuple(Field.TO, "brauner@kernel.org"),
                org.assertj.core.groups.Tuple.tuple(Field.TO, "viro@zeniv.linux.org.uk"),
                org.assertj.core.groups.Tuple.tuple(Field.CC, "linux-fsdevel@vger.kernel.org"),
                org.assertj.core.groups.Tuple.tuple(Field.CC, "jack@suse.cz"),
                org.assertj.core.groups.Tuple.tuple(Field.CC, "linux-kernel@vger.kernel.org"));
    }

    @Test
    void theBisectionsMailingListsAreListsAndEveryoneElseAPerson() {
        List<Recipient> got = resolve(ReportBuilder.culprit().build(), Sidecar.empty());
        assertThat(got).filteredOn(Recipient::isList).extracting(Recipient::address)
                .containsExactly("linux-fsdevel@vger.kernel.org", "linux-kernel@vger.kernel.org");
        assertThat(got).filteredOn(r -> r.kind() == Recipient.Kind.PERSON).extracting(Recipient::address)
                .containsExactly("sandeen@redhat.com", "brauner@kernel.org", "viro@zeniv.linux.org.uk", "jack@suse.cz");
    }

    @Test
    void everyAddressKeepsEveryReasonStrongestFirst() {
        Recipient sandeen = resolve(ReportBuilder.culprit().build(), Sidecar.empty()).get(0);
        assertThat(sandeen.name()).isEqualTo("Eric Sandeen");
        assertThat(sandeen.reasons()).containsExactly(
                "author of the culprit commit 7a819b1f87a1",
                "Signed-off-by on the culprit commit 7a819b1f87a1",
                "named by the bisection as a maintainer of the changed code (recipients (to))");
    }

    @Test
    void deduplicatesCaseInsensitively() {
        BisectionReport r = ReportBuilder.culprit().to(List.of("SANDEEN@RedHat.com")).cc(List.of("Jack@SUSE.cz", "jack@suse.cz")).build();
        List<Recipient> got = resolve(r, Sidecar.empty());
        assertThat(got).extracting(Recipient::address)
                .containsExactly("sandeen@redhat.com", "brauner@kernel.org", "Jack@SUSE.cz");
    }

    @Test
    void neverUsesCcTrailers() {
        Commit c = ReportBuilder.commit(ReportBuilder.CULPRIT, "x: y", "A", "a@example.org", List.of(
                new Trailer("Cc", "copied@example.org"),
                new Trailer("Reviewed-by", "R <r@example.org>"),
                new Trailer("Tested-by", "t@example.org"),
                new Trailer("Acked-by", "k@example.org")));
        List<Recipient> got = resolve(ReportBuilder.culprit().culprit(c).to(List.of()).cc(List.of()).build(), Sidecar.empty());
        assertThat(got).extracting(Recipient::address)
                .containsExactly("a@example.org", "k@example.org", "r@example.org", "t@example.org");
    }

    @Test
    void legacyCcListGoesToCc() {
        BisectionReport r = ReportBuilder.culprit().to(null).cc(List.of("maint@example.org", "linux-mm@kvack.org")).build();
        List<Recipient> got = resolve(r, Sidecar.empty());
        assertThat(got).filteredOn(x -> x.address().equals("maint@example.org")).singleElement()
                .satisfies(x -> {
                    assertThat(x.field()).isEqualTo(Field.CC);
                    assertThat(x.reasons()).containsExactly("named by the bisection (cc list)");
                });
    }

    @Test
    void configuredAndSidecarRecipientsAreAdded() {
        RecipientSettings s = new RecipientSettings(List.of("Ops <ops@example.org>"), List.of("archive@example.org"),
                null, null, null, null, null, null);
        Sidecar side = new Sidecar(null, null, null, null, null, List.of("extra@example.org"), List.of());
        List<Recipient> got = s.policy(OptOuts.none()).apply(s.resolver().resolve(ReportBuilder.culprit().build(), side).candidates()).recipients();
        assertThat(got).extracting(Recipient::address).contains("ops@example.org", "archive@example.org", "extra@example.org");
        assertThat(got).filteredOn(x -> x.address().equals("archive@example.org")).singleElement()
                .extracting(Recipient::field).isEqualTo(Field.CC);
    }

    @Test
    void dropsAddressWithNewlineAndNamesTheProblem() {
        BisectionReport r = ReportBuilder.culprit().cc(List.of("ok@example.org", "evil@example.org\r\nBcc: victim@example.org")).build();
        Resolution res = settings.resolver().resolve(r, Sidecar.empty());
        assertThat(res.candidates()).extracting(x -> x.address().addrSpec()).doesNotContain("victim@example.org")
                .noneMatch(a -> a.contains("\n"));
        assertThat(res.problems()).singleElement().hasToString(
                "dropped an address named by the bisection for Cc (recipients (cc)): address contains a control character: "
                        + "\"evil@example.org\\u000d\\u000aBcc: victim@example.org\"");
    }

    @Test
    void dropsAngleBracketTrick() {
        BisectionReport r = ReportBuilder.culprit().cc(List.of("<a@b>c@d")).build();
        Resolution res = settings.resolver().resolve(r, Sidecar.empty());
        assertThat(res.candidates()).extracting(x -> x.address().addrSpec()).doesNotContain("a@b", "c@d");
        assertThat(res.problems()).singleElement().asString().endsWith("not a single address of the form Name <address>: \"<a@b>c@d\"");
    }

    @Test
    void tenThousandCcEntriesAreCappedAndTheProblemsBounded() {
        List<String> cc = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            cc.add("person" + i + "@example.org");
            cc.add("bad" + i + "@example.org\n");
        }
        BisectionReport r = ReportBuilder.culprit().cc(cc).build();
        Resolution res = settings.resolver().resolve(r, Sidecar.empty());
        PolicyResult p = settings.policy(OptOuts.none()).apply(res.candidates());
        assertThat(p.recipients()).hasSize(20);
        assertThat(p.trimmed()).hasSize(10_004 - 20);
        assertThat(res.problems()).hasSize(RecipientResolver.MAX_ADDRESS_PROBLEMS + 1);
        assertThat(res.problems().get(RecipientResolver.MAX_ADDRESS_PROBLEMS).message()).isEqualTo("dropped 9980 more unusable addresses");
    }
}
