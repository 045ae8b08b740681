package dev.culprit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Freezes the key text and the Message-ID: changing either would mail every old result again. */
class ResultKeyTest {
    @Test
    void keyOfACulpritIsTypeOutcomeOriginalTitleAndHash() {
        ResultKey key = ResultKey.of(ReportBuilder.culprit().build());
        assertThat(key.value()).isEqualTo(
                "cause|culprit|possible deadlock in hfsplus_file_extend|7a819b1f87a1047e9632f6cc41488334f2189820");
        assertThat(key.messageId("culprit.example.org"))
                .isEqualTo("<culprit.8aea6061bf7004b21baac457@culprit.example.org>");
        assertThat(key.shortId()).isEqualTo("8aea6061bf7004b21baac457");
    }

    @Test
    void keyOfAnInconclusiveResultSortsAndDeduplicatesTheCandidates() {
        BisectionReport r = new ReportBuilder().outcome(Outcome.INCONCLUSIVE).noCulprit()
                .inconclusive(List.of("bbbb000000000000000000000000000000000000", "aaaa000000000000000000000000000000000000",
                        "bbbb000000000000000000000000000000000000"))
                .build();
        assertThat(ResultKey.of(r).value()).isEqualTo("cause|inconclusive|possible deadlock in hfsplus_file_extend|"
                + "aaaa000000000000000000000000000000000000,bbbb000000000000000000000000000000000000");
        assertThat(ResultKey.of(r).messageId("x.org")).isEqualTo("<culprit.c0b237d5229f9995189bba85@x.org>");
    }

    @Test
    void aKeyTooLongToStoreKeepsItsBeginningAndTheDigestOfTheWhole() {
        String title = "WARNING in foo " + "x".repeat(5000);
        ResultKey a = ResultKey.of(ReportBuilder.culprit().originalCrashTitle(title + "a").build());
        ResultKey b = ResultKey.of(ReportBuilder.culprit().originalCrashTitle(title + "b").build());
        assertThat(a.value()).hasSize(ResultKey.MAX_LENGTH).startsWith("cause|culprit|WARNING in foo xxx")
                .matches(".*\\|[0-9a-f]{64}");
        assertThat(a).as("titles that differ only past the cut still differ").isNotEqualTo(b);
        assertThat(ResultKey.of(ReportBuilder.culprit().originalCrashTitle(title + "a").build())).isEqualTo(a);
        String atTheLimit = "y".repeat(ResultKey.MAX_LENGTH - "cause|culprit||".length() - 40);
        assertThat(ResultKey.of(ReportBuilder.culprit().originalCrashTitle(atTheLimit).build()).value())
                .as("a key that fits is kept as it is").hasSize(ResultKey.MAX_LENGTH).contains(atTheLimit);
    }

    @Test
    void aLongKeyIsNotCutInsideACharacter() {
        String emoji = "\uD83D\uDE00".repeat(3000);
        String value = ResultKey.of(ReportBuilder.culprit().originalCrashTitle(emoji).build()).value();
        String head = value.substring(0, value.length() - 65);
        assertThat(Character.isHighSurrogate(head.charAt(head.length() - 1))).isFalse();
        assertThat(value.length()).isLessThanOrEqualTo(ResultKey.MAX_LENGTH);
    }

    @Test
    void keyUsesTheOriginalCrashTitleNotTheFinalOne() {
        BisectionReport r = ReportBuilder.culprit().originalCrashTitle("WARNING in foo").crash("KASAN: use-after-free in bar", "").build();
        assertThat(ResultKey.of(r).value()).startsWith("cause|culprit|WARNING in foo|");
    }

    @Test
    void keyOfAResultWithoutCommitOrTypeHasEmptyParts() {
        BisectionReport r = new ReportBuilder().type(null).outcome(Outcome.TRUNCATED).noCulprit()
                .originalCrashTitle(null).crash((Crash) null).build();
        assertThat(ResultKey.of(r).value()).isEqualTo("unknown|truncated|||e47477b02256b9c5cd3e34b39e954f49e60c28cb||");
    }

    @Test
    void keyOfAResultWithoutCommitNamesStartCommitErrorAndBugId() {
        BisectionReport r = new ReportBuilder().outcome(Outcome.ERROR).noCulprit().originalCrashTitle(null)
                .crash((Crash) null).startCommit("e47477b02256b9c5cd3e34b39e954f49e60c28cb")
                .error("the crash wasn't reproduced on the original commit").build();
        assertThat(ResultKey.of(r, "8e4a1e6cd3b7c2f5a1d0").value()).isEqualTo(
                "cause|error|||e47477b02256b9c5cd3e34b39e954f49e60c28cb|the crash wasn't reproduced on the original commit"
                        + "|8e4a1e6cd3b7c2f5a1d0");
    }

    @Test
    void errorsThatDifferOnlyInTheirMessageHaveDifferentKeys() {
        ReportBuilder base = new ReportBuilder().outcome(Outcome.ERROR).noCulprit().originalCrashTitle(null)
                .crash((Crash) null).startCommit("e47477b02256b9c5cd3e34b39e954f49e60c28cb");
        BisectionReport notReproduced = base.error("the crash wasn't reproduced on the original commit").build();
        BisectionReport tooLong = base.error("bisection is taking too long (>12h0m0s), aborting").build();
        assertThat(ResultKey.of(notReproduced)).isNotEqualTo(ResultKey.of(tooLong));
    }

    @Test
    void sameErrorForTwoBugsIsKeptApartByTheSidecarBugId() {
        BisectionReport r = new ReportBuilder().outcome(Outcome.ERROR).noCulprit().originalCrashTitle(null)
                .crash((Crash) null).error("the crash wasn't reproduced on the original commit").build();
        assertThat(ResultKey.of(r, "bug-a")).isNotEqualTo(ResultKey.of(r, "bug-b"));
    }

    @Test
    void theSidecarBugIdDoesNotChangeTheKeyOfACulprit() {
        BisectionReport r = ReportBuilder.culprit().build();
        assertThat(ResultKey.of(r, "8e4a1e6cd3b7c2f5a1d0")).isEqualTo(ResultKey.of(r));
    }

    @Test
    void sameResultGivesTheSameKeyWhateverTheRecipients() {
        BisectionReport a = ReportBuilder.culprit().build();
        BisectionReport b = ReportBuilder.culprit().cc(List.of("someone@example.org")).revisions(30).build();
        assertThat(ResultKey.of(a)).isEqualTo(ResultKey.of(b));
    }
}
