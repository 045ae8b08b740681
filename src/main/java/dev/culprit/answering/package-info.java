/**
 * What a maintainer's reply does and how culprit answers it: the {@code ReplyHandler} that claims
 * each reply once, applies its commands to the store and queues the answer, all in one
 * transaction. The decision itself is pure and lives in {@code answering.decide}.
 */
package dev.culprit.answering;
