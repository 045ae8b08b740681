package dev.culprit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The stable identity of a bisection result. Its text and the Message-ID derived from it must
 * never change between versions, or old results would be mailed again.
 */
public record ResultKey(String value) {
    public ResultKey {
        Objects.requireNonNull(value, "value");
    }

    /** The full SHA-256 of the key, in lower-case hex. */
    public String sha256() {
        return Sha256.hex(value);
    }

    /** {@code <culprit.} + first 24 hex of the SHA-256 + {@code @domain>}. */
    public String messageId(String domain) {
        return "<culprit." + sha256().substring(0, 24) + "@" + domain + ">";
    }

    /** The short form used on the command line and in logs: the first 24 hex of the SHA-256. */
    public String shortId() {
        return sha256().substring(0, 24);
    }

    /**
     * The key of a result: bisection type, outcome, original crash title and the culprit hash (or
     * the sorted, distinct candidate hashes), joined by {@code |}. For example
     * {@code cause|culprit|possible deadlock in hfsplus_file_extend|7a819b1f87a1...}. The crash
     * title is the one seen on the original commit, falling back to the final one; a missing part
     * is empty and a missing type is {@code unknown}.
     *
     * <p>A result that names no commit (an error, the bug already in the oldest release, still not
     * fixed, a cut log) says less about itself, so three more parts keep two such results apart:
     * the start commit, the first line of the error message, and the bug id of the sidecar. Without
     * them every "the crash wasn't reproduced" error would share one key, and all but the first
     * would be dropped as duplicates.
     *
     * <p>Frozen by a golden test: changing this text mails every old result again.
     *
     * @param bugId the sidecar's bug id, or null
     */
    public static ResultKey of(BisectionReport report, String bugId) {
        String type = report.type() == null ? "unknown" : report.type().id();
        String title = report.originalCrashTitle() != null ? report.originalCrashTitle()
                : report.crashTitle() != null ? report.crashTitle() : "";
        String commits;
        if (report.culpritHash() != null) {
            commits = report.culpritHash();
        } else if (report.inconclusiveCommits() != null && !report.inconclusiveCommits().isEmpty()) {
            commits = String.join(",", report.inconclusiveCommits().stream().distinct().sorted().toList());
        } else {
            commits = "";
        }
        List<String> parts = new ArrayList<>(List.of(type, report.outcome().id(), title, commits));
        if (commits.isEmpty()) {
            String error = report.errorMessage() == null ? "" : report.errorMessage().lines().findFirst().orElse("");
            parts.add(report.startCommit() == null ? "" : report.startCommit());
            parts.add(error);
            parts.add(bugId == null ? "" : bugId);
        }
        return new ResultKey(bounded(String.join("|", parts)));
    }

    /**
     * The longest key kept as it is. The store keeps 2,000 characters of a key, and the key of a
     * notice, correction, answer or note about a result puts up to 76 before the result's own.
     */
    public static final int MAX_LENGTH = 1900;

    /**
     * A key longer than {@link #MAX_LENGTH} (a crash title or error line thousands of characters
     * long) keeps its beginning and ends with {@code |} and the SHA-256 of the whole key, so two
     * long keys stay apart. No key this long could be stored before, so no stored key changes.
     */
    static String bounded(String key) {
        if (key.length() <= MAX_LENGTH) {
            return key;
        }
        String digest = Sha256.hex(key);
        int end = MAX_LENGTH - digest.length() - 1;
        if (Character.isHighSurrogate(key.charAt(end - 1))) {
            end--;
        }
        return key.substring(0, end) + "|" + digest;
    }

    /** The key of a result that came without a sidecar. */
    public static ResultKey of(BisectionReport report) {
        return of(report, null);
    }
}
