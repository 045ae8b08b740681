package dev.culprit.replies;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Mail culprit never answers, whatever it says: automatic mail (RFC 3834 {@code Auto-Submitted}
 * other than {@code no}), bulk and list mail ({@code Precedence}), bounces (a null
 * {@code Return-Path}, {@code multipart/report}) and mail from culprit's own addresses. Answering
 * any of them could start a loop between two machines.
 */
public final class LoopGuard {
    private static final Set<String> BULK = Set.of("bulk", "junk", "list");
    private final Set<String> ownAddresses;

    /** @param ownAddresses culprit's From, Reply-To and envelope sender addresses */
    public LoopGuard(Set<String> ownAddresses) {
        this.ownAddresses = ownAddresses.stream().map(LoopGuard::normal).collect(Collectors.toUnmodifiableSet());
    }

    /** Why {@code mail} must not be answered, or empty when it may be. */
    public Optional<String> reasonNotToAnswer(IncomingHeaders mail) {
        for (String v : mail.autoSubmitted()) {
            String token = firstToken(v);
            if (!token.equals("no")) {
                return Optional.of("Auto-Submitted: " + (token.isEmpty() ? "(empty)" : CommandParser.quoted(token))
                        + " (automatic mail)");
            }
        }
        for (String v : mail.precedence()) {
            String token = firstToken(v);
            if (BULK.contains(token)) {
                return Optional.of("Precedence: " + token);
            }
        }
        for (String v : mail.returnPath()) {
            String path = HeaderText.withoutComments(v).replaceAll("\\s", "");
            if (path.equals("<>") || path.isEmpty()) {
                return Optional.of("a null Return-Path (a delivery report)");
            }
            if (ownAddresses.contains(normal(path.replaceAll("^<|>$", "")))) {
                return Optional.of("sent from culprit's own envelope address " + normal(path.replaceAll("^<|>$", "")));
            }
        }
        if (mail.contentType() != null && firstToken(mail.contentType()).equals("multipart/report")) {
            return Optional.of("Content-Type multipart/report (a delivery or read report)");
        }
        for (String from : mail.fromAddresses()) {
            if (ownAddresses.contains(normal(from))) {
                return Optional.of("sent from culprit's own address " + normal(from));
            }
        }
        return Optional.empty();
    }

    private static String firstToken(String value) {
        String v = HeaderText.withoutComments(HeaderText.unfold(value));
        int semi = v.indexOf(';');
        return (semi < 0 ? v : v.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static String normal(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
