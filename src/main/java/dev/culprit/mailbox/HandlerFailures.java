package dev.culprit.mailbox;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many passes of this process the handler failed on each mail, so that a mail it always fails
 * on goes to the failed folder after {@code limit} passes instead of being retried forever. Kept
 * in memory: a restart gives every mail its passes again. At most {@code MAX_KEPT} mails are
 * remembered, the oldest forgotten first.
 */
final class HandlerFailures {
    private static final int MAX_KEPT = 10_000;
    private final int limit;
    private final Map<String, Integer> counts = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_KEPT;
        }
    };

    HandlerFailures(int limit) {
        this.limit = limit;
    }

    /** Counts one more failure; true when the mail has now failed {@code limit} times. */
    synchronized boolean failedAgain(String mail) {
        int n = counts.merge(mail, 1, Integer::sum);
        return n >= limit;
    }

    synchronized int count(String mail) {
        return counts.getOrDefault(mail, 0);
    }

    synchronized void forget(String mail) {
        counts.remove(mail);
    }

    int limit() {
        return limit;
    }
}
