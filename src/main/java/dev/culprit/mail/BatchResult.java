package dev.culprit.mail;

/**
 * What one run of the delivery job did.
 *
 * @param claimed mails taken from the outbox
 * @param sent mails delivered (to every recipient still wanted)
 * @param failed mails failed for good
 * @param retrying mails that failed transiently and wait for their next attempt
 * @param waiting mails put back because of a cap, a setup problem or a stop
 * @param dropped mails left with nobody to send to (opt-outs, deny list)
 * @param paused why nothing was sent, or null
 */
public record BatchResult(int claimed, int sent, int failed, int retrying, int waiting, int dropped, String paused) {
    public static final BatchResult EMPTY = new BatchResult(0, 0, 0, 0, 0, 0, null);

    static BatchResult paused(String why) {
        return new BatchResult(0, 0, 0, 0, 0, 0, why);
    }

    public BatchResult plus(BatchResult o) {
        return new BatchResult(claimed + o.claimed, sent + o.sent, failed + o.failed, retrying + o.retrying,
                waiting + o.waiting, dropped + o.dropped, o.paused != null ? o.paused : paused);
    }
}
