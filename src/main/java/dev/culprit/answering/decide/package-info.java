/**
 * The pure decision about one reply: from what the reply says, who sent it, whether it may be
 * answered, which result it is about and where that result stands, to the effects to apply, the
 * outcome of each command and whether and what to answer. Values in, values out; the store and
 * the outbox are applied by {@code dev.culprit.answering}.
 */
package dev.culprit.answering.decide;
