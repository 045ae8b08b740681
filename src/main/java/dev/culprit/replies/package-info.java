/**
 * The pure part of reading maintainers' replies: the reply's own text, its {@code #culprit}
 * commands, who is speaking, whether it may be answered, which result it is about and whether the
 * speaker may act on it. Values in, values out; the mailbox, the store and the outbox are elsewhere.
 */
package dev.culprit.replies;
