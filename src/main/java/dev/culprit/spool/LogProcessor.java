package dev.culprit.spool;

import dev.culprit.recipients.OptOuts;
import java.util.function.Supplier;

import dev.culprit.model.PreparedMail;

/**
 * Turns one finished log (and its optional sidecar) into a mail ready for the outbox: parse,
 * assess, address and render. Implementations touch no files; the spool reads the bytes.
 */
@FunctionalInterface
public interface LogProcessor {
    /**
     * @param name the log's file name, for messages
     * @param log the log's bytes
     * @param sidecar the bytes of {@code <log>.json}, or null when there is none
     * @throws LogRejectedException when the log cannot give a mail; the log goes to
     *     {@code failed/} with the exception's message as its reason
     */
    PreparedMail prepare(String name, byte[] log, byte[] sidecar) throws LogRejectedException;

    /**
     * This processor, also honouring the opt-outs that {@code current} returns when it addresses a
     * mail (the store's, which the processor cannot reach when it is built). {@code current}
     * throws {@link IllegalStateException} when it cannot read them. Processors that address no
     * mail return themselves.
     */
    default LogProcessor honouring(Supplier<OptOuts> current) {
        return this;
    }

    /**
     * This processor, also knowing how often a commit was already blamed: {@code earlier} gives,
     * for a culprit commit and a crash title, how many stored results blamed that commit for
     * another crash (the store's, which the processor cannot reach when it is built); it throws
     * {@link IllegalStateException} when it cannot read them. Processors that assess nothing
     * return themselves.
     */
    default LogProcessor knowingBlames(java.util.function.ToIntBiFunction<String, String> earlier) {
        return this;
    }

    /**
     * This processor, also knowing the thread each culprit already has in the store, so that a
     * result blaming a commit already mailed about goes into that mail's thread. Processors that
     * mail nothing return themselves.
     */
    default LogProcessor knowingThreads(dev.culprit.model.CulpritThread.Lookup threads) {
        return this;
    }
}
