package dev.culprit.store;

import java.time.Instant;

/**
 * A problem with the bot's own mail setup (authentication, relay, TLS) that paused delivery.
 *
 * @param text what the server said and what to check
 * @param since when it was first seen
 * @param retryAt when delivery tries again
 */
public record SetupProblem(String text, Instant since, Instant retryAt) {}
