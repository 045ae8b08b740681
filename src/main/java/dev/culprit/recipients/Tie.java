package dev.culprit.recipients;

/**
 * How an address is tied to a result, strongest first. When the cap forces trimming, the
 * weakest ties go first; an address with several ties ranks by its strongest.
 */
public enum Tie {
    /** Wrote the culprit (or fixing) commit; never trimmed. */
    AUTHOR,
    /** On the configured always-to or always-cc list. */
    CONFIGURED,
    /** Signed off the commit: a co-author or the maintainer who applied it. */
    SIGNED_OFF,
    /** A person the bisection named in its To list (the maintainers of the changed code). */
    MAINTAINER,
    /** Named by the job that ran the bisection, in the sidecar. */
    SIDECAR,
    /** Acked the commit. */
    ACKED,
    /** A subsystem mailing list; the first one named is never trimmed. */
    SUBSYSTEM_LIST,
    /** A person the bisection named in its Cc list. */
    LOG_CC,
    /** Reviewed the commit. */
    REVIEWER,
    /** Tested the commit. */
    TESTER,
    /** A list that carries everything, such as linux-kernel@vger.kernel.org. */
    BROAD_LIST;

    /** Whether an address with this tie is a mailing list. */
    public boolean list() {
        return this == SUBSYSTEM_LIST || this == BROAD_LIST;
    }
}
