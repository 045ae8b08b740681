package dev.culprit.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.culprit.model.BisectionType;
import dev.culprit.model.Commit;
import dev.culprit.model.Crash;
import dev.culprit.model.Outcome;
import dev.culprit.model.ReportBuilder;
import dev.culprit.model.Sidecar;
import dev.culprit.recipients.RecipientSettings;
import freemarker.cache.StringTemplateLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RendererTest {
    private static final Sidecar SIDECAR = new Sidecar("8e4a1e6cd3b7c2f5a1d0", "possible deadlock in hfsplus_file_extend",
            new Sidecar.Links("https://syzkaller.appspot.com/bug?extid=8e4a1e6cd3b7c2f5a1d0",
                    "https://syzkaller.appspot.com/x/bisect.txt?x=14b19a8c580000", null, null,
                    "https://syzkaller.appspot.com/x/repro.syz?x=1"),
            "<000000000000a1b2c3@google.com>", null, null, null);

    @Test
    void culpritReportHasCommitBlockTagsAndReasons() throws Exception {
        Rendered r = RenderFixture.render(ReportBuilder.culprit().build(), SIDECAR);
        assertThat(r.subject()).isEqualTo("[culprit] possible deadlock in hfsplus_file_extend: cause bisected to 7a819b1f87a1");
        assertThat(r.body())
                .startsWith("Bisection found the commit that introduced this crash:\n\n"
                        + "  possible deadlock in hfsplus_file_extend\n\n"
                        + "commit 7a819b1f87a1047e9632f6cc41488334f2189820\n"
                        + "Author: Eric Sandeen <sandeen@redhat.com>\n"
                        + "Date:   Mon Feb 26 15:45:03 2024 -0600\n\n"
                        + "    hfsplus: switch to the new mount API\n")
                .contains("Revisions tested: 22\n")
                .contains("Reported-by: " + RenderFixture.REPORTED_BY + "\n"
                        + "Fixes: 7a819b1f87a1 (\"hfsplus: switch to the new mount API\")\n"
                        + "Closes: https://syzkaller.appspot.com/bug?extid=8e4a1e6cd3b7c2f5a1d0\n")
                .contains("Bisection log:  https://syzkaller.appspot.com/x/bisect.txt?x=14b19a8c580000\n")
                .contains("- author of the culprit commit 7a819b1f87a1:\n    sandeen@redhat.com\n")
                .contains("- mailing list that carries all kernel reports:\n    linux-kernel@vger.kernel.org\n")
                .doesNotContain("Reliability")
                .endsWith("\n-- \nSent by culprit, a bisection notification bot. Replies reach its operators.\n"
                        + "Result key: 8aea6061bf7004b21baac457\n");
    }

    @Test
    void mergeCommitGetsNoFixesTagButKeepsTheCredit() throws Exception {
        Commit merge = new Commit(ReportBuilder.CULPRIT, "Merge tag 'net-next'", "Jakub Kicinski", "kuba@kernel.org",
                "Tue Dec 15 18:48:30 2020 -0800", List.of(), List.of(), List.of(), List.of("aaaaaaaaaaaa", "bbbbbbbbbbbb"));
        Rendered r = RenderFixture.render(ReportBuilder.culprit().culprit(merge).build());
        assertThat(r.body()).contains("This is a merge commit.\n")
                .contains("Reported-by: " + RenderFixture.REPORTED_BY + "\n")
                .contains("No Fixes: tag is suggested: a merge commit rarely causes a bug itself.\n")
                .doesNotContain("Fixes: 7a819b1f87a1");
    }

    @Test
    void concernsAppearInAReliabilitySection() throws Exception {
        Rendered r = RenderFixture.render(ReportBuilder.culprit().flaky().build());
        assertThat(r.body()).contains("Reliability\n-----------\n")
                .contains("\n- The reproducer is flaky, so a commit may have been judged good only\n  because the crash did not show up.\n");
    }

    @Test
    void aCommitChangingABugDetectorSaysWhyInTheMail() throws Exception {
        Commit kasan = new Commit(ReportBuilder.CULPRIT, "kasan, vmalloc: unpoison VM_ALLOC pages after mapping",
                "Ann Author", "ann@example.org", "Tue Dec 15 18:48:30 2020 -0800", List.of(), List.of(), List.of(), List.of());
        Rendered r = RenderFixture.render(ReportBuilder.culprit().culprit(kasan).build());
        assertThat(r.body()).contains("Reliability\n-----------\n");
        assertThat(r.body().replaceAll("\\s+", " ")).contains("- The commit changes a bug detector (KASAN), which more "
                + "often reveals a bug that was already there than brings one: the crash may be an older bug it now "
                + "reports, or a false report of the detector.");
    }

    @Test
    void fixReportSaysHowToMarkTheBugFixed() throws Exception {
        Rendered r = RenderFixture.render(ReportBuilder.culprit().type(BisectionType.FIX).outcome(Outcome.FIX).build());
        assertThat(r.subject()).isEqualTo("[culprit] possible deadlock in hfsplus_file_extend: fix bisected to 7a819b1f87a1");
        assertThat(r.body()).startsWith("Bisection found the commit that fixes this crash:\n\n  possible deadlock in hfsplus_file_extend\n")
                .contains("#syz fix: hfsplus: switch to the new mount API\n")
                .contains("author of the fixing commit 7a819b1f87a1")
                .doesNotContain("Fixes:");
    }

    @Test
    void inconclusiveReportListsTheCandidates() throws Exception {
        Rendered r = RenderFixture.render(new ReportBuilder().outcome(Outcome.INCONCLUSIVE).noCulprit()
                .inconclusive(List.of("1111111111111111111111111111111111111111", "2222222222222222222222222222222222222222")).build());
        assertThat(r.subject()).isEqualTo("[culprit] possible deadlock in hfsplus_file_extend: cause bisection inconclusive (2 candidates)");
        assertThat(r.body()).contains("The first bad commit could be any of these 2:\n\n"
                + "  1111111111111111111111111111111111111111\n  2222222222222222222222222222222222222222\n")
                .contains("- The bisection did not end on a single commit");
    }

    @Test
    void notFoundOutcomesNameTheReleaseOrHead() throws Exception {
        Rendered oldest = RenderFixture.render(new ReportBuilder().outcome(Outcome.OLDEST_RELEASE_HAS_BUG).noCulprit()
                .notFoundTitle("Linux 4.19").build());
        assertThat(oldest.subject()).endsWith(": already present on the oldest tested release");
        assertThat(oldest.body()).startsWith("Bisection found no culprit for this crash:\n\n  possible deadlock in hfsplus_file_extend\n\n"
                + "The crash already happens on the oldest release the bisection could test")
                .contains("Oldest tested release: Linux 4.19\n");
        Rendered head = RenderFixture.render(new ReportBuilder().type(BisectionType.FIX).outcome(Outcome.NOT_FIXED_ON_HEAD)
                .noCulprit().notFoundTitle("Merge tag 'x'").build());
        assertThat(head.subject()).endsWith(": not fixed on HEAD");
        assertThat(head.body()).contains("Newest tested commit: Merge tag 'x'\n");
    }

    @Test
    void errorReportQuotesTheErrorBounded() throws Exception {
        String longError = "failed to run [\"make\"]: exit status 2\n" + "x".repeat(100).concat("\n").repeat(500);
        Rendered r = RenderFixture.render(new ReportBuilder().outcome(Outcome.ERROR).noCulprit().crash((Crash) null)
                .error(longError).build());
        assertThat(r.subject()).isEqualTo("[culprit] possible deadlock in hfsplus_file_extend: cause bisection failed");
        assertThat(r.body()).contains("stopped with an error:\n\n  possible deadlock in hfsplus_file_extend\n\nfailed to run [\"make\"]: exit status 2\n")
                .contains("[... the error is longer; see the bisection log ...]");
        assertThat(r.body().length()).isLessThan(RenderSettings.DEFAULT_EXCERPT_CHARS + 3000);
    }

    @Test
    void truncatedReportWithNothingKnownStillRenders() throws Exception {
        Rendered r = RenderFixture.render(new ReportBuilder().type(null).outcome(Outcome.TRUNCATED).noCulprit()
                .crash((Crash) null).originalCrashTitle(null).startCommit(null).revisions(null).totalTime(null)
                .to(null).cc(null).build());
        assertThat(r.subject()).isEqualTo("[culprit] an unknown crash: unknown bisection did not finish");
        assertThat(r.body()).startsWith("Bisection of this crash has no result yet:\n\n  an unknown crash\n")
                .contains("No maintainer was chosen for this result.");
    }

    @Test
    void freemarkerSyntaxInLogTextIsPrintedLiterally() throws Exception {
        String evil = "${7*7} <#assign x=1>${x} #{1} [=1] <@foo/> ${\"\"?api} ${.now}";
        Commit c = ReportBuilder.commit(ReportBuilder.CULPRIT, evil, "Ev${'i'}l", "evil@example.org", List.of());
        Rendered r = RenderFixture.render(ReportBuilder.culprit().culprit(c).originalCrashTitle(evil)
                .crash(evil, evil + "\n<#list 1..3 as i>${i}</#list>").build());
        assertThat(r.subject()).isEqualTo("[culprit] " + evil + ": cause bisected to 7a819b1f87a1");
        assertThat(r.body()).contains("    " + evil + "\n").contains("Author: Ev${'i'}l <evil@example.org>")
                .contains("<#list 1..3 as i>${i}</#list>")
                .doesNotContain("49 <#assign");
    }

    @Test
    void headlineIsTheBisectedCrashAndAChangedCrashIsNamed() throws Exception {
        Rendered r = RenderFixture.render(ReportBuilder.culprit().originalCrashTitle("INFO: task hung in foo")
                .crash("BUG: MAX_LOCKDEP_KEYS too low!", "BUG: MAX_LOCKDEP_KEYS too low!").build());
        assertThat(r.subject()).isEqualTo("[culprit] INFO: task hung in foo: cause bisected to 7a819b1f87a1");
        assertThat(r.body()).startsWith("Bisection found the commit that introduced this crash:\n\n  INFO: task hung in foo\n")
                .contains("Crash\n-----\nBUG: MAX_LOCKDEP_KEYS too low!\n")
                .contains("The original commit crashed with a different title: INFO: task hung in foo\n");
    }

    @Test
    void fiftyMegabyteCrashReportIsBoundedInTheBody() throws Exception {
        StringBuilder report = new StringBuilder(50 * 1024 * 1024 + 100);
        String line = "BUG: KASAN: slab-use-after-free in foo+0x1/0x2 " + "y".repeat(950) + "\n";
        while (report.length() < 50 * 1024 * 1024) {
            report.append(line);
        }
        Crash crash = new Crash("KASAN: slab-use-after-free in foo", report.toString(), false, report.length());
        Rendered r = RenderFixture.render(ReportBuilder.culprit().crash(crash).build());
        assertThat(r.body().length()).isLessThan(RenderSettings.DEFAULT_EXCERPT_CHARS + 4000);
        assertThat(r.body()).contains("[... the report is longer; see the bisection log ...]");
    }

    @Test
    void aSingleHugeLineIsCutToTheExcerptSize() throws Exception {
        Crash crash = new Crash("t", "z".repeat(1_000_000), false, 1_000_000);
        Rendered r = RenderFixture.render(ReportBuilder.culprit().crash(crash).build());
        assertThat(r.body()).contains("z".repeat(RenderSettings.DEFAULT_EXCERPT_CHARS) + "\n")
                .doesNotContain("z".repeat(RenderSettings.DEFAULT_EXCERPT_CHARS + 1));
    }

    @Test
    void subjectWithNewlineAndBccIsOneCleanLine() throws Exception {
        Rendered r = RenderFixture.render(ReportBuilder.culprit()
                .crash("WARNING in foo\r\nBcc: victim@example.org\u0000", "").originalCrashTitle(null).build());
        assertThat(r.subject()).isEqualTo("[culprit] WARNING in foo: cause bisected to 7a819b1f87a1");
        Rendered title = RenderFixture.render(ReportBuilder.culprit().originalCrashTitle(null)
                .crash("WARNING\tin\u202Efoo  bar\u0007", "").build());
        assertThat(title.subject()).isEqualTo("[culprit] WARNING infoo bar: cause bisected to 7a819b1f87a1");
    }

    @Test
    void trimmedAndRedirectedAddressesAreListedBounded() throws Exception {
        List<String> cc = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            cc.add("p" + i + "@example.org");
        }
        RecipientSettings staging = new RecipientSettings(null, null, null, null, null, null, "staging@example.org", null);
        MailContext ctx = RenderFixture.context(ReportBuilder.culprit().cc(cc).build(), Sidecar.empty(), staging);
        Rendered r = new Renderer(Renderer.bundledLoader()).render(Outcome.CULPRIT, new DataModel(RenderSettings.defaults()).build(ctx));
        assertThat(r.body()).contains("Not mailed because of the recipient limit:\n    p199@example.org\n")
                .contains("    and 134 more\n")
                .contains("STAGING: this mail was redirected. It would have gone to:\n"
                        + "    to: sandeen@redhat.com (author of the culprit commit 7a819b1f87a1; ")
                .contains("Why you received this\n---------------------\n- author of the culprit commit 7a819b1f87a1:\n    sandeen@redhat.com\n");
    }

    @Test
    void templateErrorsAreRethrownNeverHalfAMail() {
        StringTemplateLoader broken = new StringTemplateLoader();
        broken.putTemplate("subject.ftl", "x");
        broken.putTemplate("culprit.ftl", "before ${noSuchVariable} after");
        Renderer renderer = new Renderer(broken);
        assertThatThrownBy(() -> renderer.render(Outcome.CULPRIT, RenderFixture.model(ReportBuilder.culprit().build(), Sidecar.empty())))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("template culprit.ftl failed: The following has evaluated to null or missing:");
    }

    @Test
    void templatesCannotInstantiateClassesOrUseApi() {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("subject.ftl", "x");
        loader.putTemplate("culprit.ftl", "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        loader.putTemplate("fix.ftl", "${title?api.getClass()}");
        Renderer renderer = new Renderer(loader);
        assertThatThrownBy(() -> renderer.render(Outcome.CULPRIT, RenderFixture.model(ReportBuilder.culprit().build(), Sidecar.empty())))
                .isInstanceOf(RenderException.class).hasMessageContaining("not allowed");
        assertThatThrownBy(() -> renderer.render(Outcome.FIX, RenderFixture.model(ReportBuilder.culprit().build(), Sidecar.empty())))
                .isInstanceOf(RenderException.class).hasMessageContaining("api");
    }

    @Test
    void checkFindsABrokenTemplate() {
        StringTemplateLoader loader = new StringTemplateLoader();
        loader.putTemplate("subject.ftl", "<#if>");
        assertThatThrownBy(() -> new Renderer(loader).check()).isInstanceOf(RenderException.class)
                .hasMessageStartingWith("template subject.ftl");
    }

    @Test
    void bundledTemplatesAllParse() throws Exception {
        new Renderer(Renderer.bundledLoader()).check();
    }

    @Test
    void sameInputRendersTheSameText() throws Exception {
        assertThat(RenderFixture.render(ReportBuilder.culprit().flaky().build(), SIDECAR))
                .isEqualTo(RenderFixture.render(ReportBuilder.culprit().flaky().build(), SIDECAR));
    }
}
