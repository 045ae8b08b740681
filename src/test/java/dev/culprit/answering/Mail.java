package dev.culprit.answering;

import dev.culprit.replies.IncomingHeaders;
import dev.culprit.replies.IncomingReply;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** A reply as the mailbox edge hands it over, built for a test: authenticated by default. */
final class Mail {
    static final String AUTHSERV = "mx.bot.example.net";
    String messageId = "<reply.1@example.org>";
    String from;
    List<String> authenticationResults = new ArrayList<>();
    List<String> autoSubmitted = new ArrayList<>();
    List<String> precedence = new ArrayList<>();
    List<String> returnPath = new ArrayList<>();
    String contentType = "text/plain; charset=UTF-8";
    String subject = "Re: [culprit] KASAN: use-after-free in hfsplus_file_extend";
    String inReplyTo;
    String references;
    String text;
    String problem;
    boolean oversized;
    long size = 2000;
    String salt = "";

    Mail(String from, String inReplyTo, String text) {
        this.from = from;
        this.inReplyTo = inReplyTo;
        this.references = inReplyTo;
        this.text = text;
        String domain = from.substring(from.indexOf('@') + 1);
        authenticationResults.add(AUTHSERV + "; dkim=pass header.d=" + domain + "; spf=pass");
    }

    Mail auth(String... values) {
        authenticationResults = new ArrayList<>(List.of(values));
        return this;
    }

    Mail id(String id) {
        messageId = id;
        return this;
    }

    /** Makes the bytes (and so the digest) differ, as another copy of the same mail. */
    Mail copy(String s) {
        salt = s;
        return this;
    }

    IncomingReply reply() {
        return new IncomingReply(messageId, digest(), size, new IncomingHeaders(autoSubmitted, precedence, returnPath,
                contentType, List.of(from)), authenticationResults, subject, inReplyTo, references, text, problem, oversized);
    }

    private String digest() {
        String bytes = messageId + "\n" + from + "\n" + authenticationResults + "\n" + autoSubmitted + precedence + returnPath
                + "\n" + subject + "\n" + text + "\n" + salt;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
