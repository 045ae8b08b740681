package dev.culprit.replies;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a reply's From address can be trusted, from the {@code Authentication-Results}
 * headers the operator's own mail server added (RFC 8601). Only the topmost header carrying the
 * configured authserv-id counts: headers with another id, and any below that one, may have been
 * written by anyone. It is trusted when it says {@code dmarc=pass} (for the From domain, when it
 * names one) or {@code dkim=pass} with {@code header.d} equal to the From domain or a parent of it.
 * culprit does not verify DKIM itself.
 */
public final class SenderAuthenticator {
    private final String authservId;

    /** @param authservId the operator's server's authserv-id ({@code replies.authserv-id}), or null to trust From as is */
    private SenderAuthenticator(String authservId) {
        this.authservId = authservId;
    }

    public static SenderAuthenticator trusting(String authservId) {
        if (authservId == null || authservId.isBlank()) {
            throw new IllegalArgumentException("an authserv-id is needed to read Authentication-Results");
        }
        return new SenderAuthenticator(authservId.strip().toLowerCase(Locale.ROOT));
    }

    /** For an internal relay ({@code replies.require-authentication: false}): From is taken as is. */
    public static SenderAuthenticator withoutAuthentication() {
        return new SenderAuthenticator(null);
    }

    /**
     * @param fromAddresses the addr-specs of the From header(s), as parsed at the edge
     * @param authenticationResults the values of the Authentication-Results headers, topmost first
     */
    public Speaker speaker(List<String> fromAddresses, List<String> authenticationResults) {
        Objects.requireNonNull(authenticationResults, "authenticationResults");
        if (fromAddresses.isEmpty()) {
            return Speaker.refused(null, "no From address");
        }
        if (fromAddresses.size() > 1) {
            return Speaker.refused(String.join(", ", fromAddresses),
                    fromAddresses.size() + " From addresses; a reply must come from one sender");
        }
        String from = fromAddresses.get(0).strip().toLowerCase(Locale.ROOT);
        int at = from.lastIndexOf('@');
        if (at <= 0 || at == from.length() - 1) {
            return Speaker.refused(from, "From \"" + CommandParser.quoted(from) + "\" is not an address");
        }
        if (authservId == null) {
            return new Speaker(from, true, "From taken as is (replies.require-authentication: false)");
        }
        Optional<AuthenticationResults> ours = authenticationResults.stream().map(AuthenticationResults::parse)
                .filter(r -> r.authservId().equals(authservId)).findFirst();
        if (ours.isEmpty()) {
            return Speaker.refused(from, "no Authentication-Results header from " + authservId);
        }
        return judge(from, from.substring(at + 1), ours.get());
    }

    private Speaker judge(String from, String domain, AuthenticationResults ours) {
        if (ours.problem() != null) {
            return Speaker.refused(from, "the Authentication-Results header from " + authservId
                    + " cannot be read: " + ours.problem());
        }
        for (AuthenticationResults.Result r : ours.results()) {
            if (r.method().equals("dmarc") && r.value().equals("pass")
                    && r.property("header.from").map(d -> d.equalsIgnoreCase(domain)).orElse(true)) {
                return new Speaker(from, true, "dmarc=pass by " + authservId);
            }
        }
        for (AuthenticationResults.Result r : ours.results()) {
            Optional<String> d = r.property("header.d").map(s -> s.toLowerCase(Locale.ROOT));
            if (r.method().equals("dkim") && r.value().equals("pass") && d.filter(x -> aligned(domain, x)).isPresent()) {
                return new Speaker(from, true, "dkim=pass header.d=" + d.get() + " by " + authservId);
            }
        }
        List<String> said = new ArrayList<>();
        ours.results().forEach(r -> said.add(r.toString()));
        return Speaker.refused(from, "the Authentication-Results header from " + authservId + " says "
                + (said.isEmpty() ? "nothing" : String.join("; ", said)) + ": no dmarc=pass, and no dkim=pass for "
                + domain + " or a parent of it");
    }

    /** Whether a DKIM signature of {@code signer} stands for mail from {@code domain}. */
    static boolean aligned(String domain, String signer) {
        return signer.contains(".") && (domain.equals(signer) || domain.endsWith("." + signer));
    }
}
