package dev.culprit.model;

import java.util.List;

/**
 * The thread a culprit already has: the first mail that blamed the commit (queued or sent, within
 * the thread window), which a new result blaming it again answers, and the crashes other results
 * bisected to it.
 *
 * @param messageId the first mail's Message-ID, or null when no mail started a thread yet
 * @param otherCrashes the crashes other stored results bisected to the same commit
 */
public record CulpritThread(String messageId, List<String> otherCrashes) {
    public static final CulpritThread NONE = new CulpritThread(null, List.of());

    public CulpritThread {
        otherCrashes = List.copyOf(otherCrashes);
    }

    /** Finds the thread of a culprit commit in the store; throws {@link IllegalStateException} when it cannot. */
    @FunctionalInterface
    public interface Lookup {
        /**
         * @param culprit the commit the new result blames
         * @param crash the crash the new result bisected, or null
         */
        CulpritThread find(String culprit, String crash);

        Lookup NONE = (culprit, crash) -> CulpritThread.NONE;
    }
}
