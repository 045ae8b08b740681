package dev.culprit.pages;

import dev.culprit.model.Sha256;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who may read the pages: the {@code Host} a request names must be the bound address (with its
 * port) or {@code localhost}, which keeps other sites' pages from reading these through a name
 * that resolves here; and beyond loopback the request must carry the password (HTTP Basic, any
 * user name), compared in constant time.
 */
final class PageAccess {
    /** What a request may do. */
    enum Decision { ALLOW, WRONG_HOST, LOGIN }

    private final Set<String> hosts;
    private final byte[] password;

    /**
     * @param password the password beyond loopback, or null on loopback (no login)
     */
    private PageAccess(Set<String> hosts, String password) {
        this.hosts = Set.copyOf(hosts);
        this.password = password == null ? null : digest(password);
    }

    /**
     * The access rules for pages bound to {@code bind} (as configured) on {@code port}.
     *
     * @param password required when {@code bind} is beyond loopback; on loopback null (no login)
     * @throws IllegalArgumentException when the address is beyond loopback and no password is given
     */
    static PageAccess forBinding(String bind, int port, String password) {
        boolean loopback = isLoopback(bind);
        if (!loopback && (password == null || password.isEmpty())) {
            throw new IllegalArgumentException("metrics.bind " + bind + " is beyond loopback and metrics.password-file is not set");
        }
        Set<String> hosts = new HashSet<>();
        String b = bind.toLowerCase(Locale.ROOT);
        String literal = b.contains(":") && !b.startsWith("[") ? "[" + b + "]" : b;
        hosts.add(literal + ":" + port);
        hosts.add("localhost");
        hosts.add("localhost:" + port);
        if (loopback) {
            hosts.add("127.0.0.1:" + port);
            hosts.add("[::1]:" + port);
        }
        return new PageAccess(hosts, password == null || password.isEmpty() ? null : password);
    }

    /** Whether the address is this host's own (127.0.0.0/8, ::1, localhost). */
    static boolean isLoopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether a login is asked for. */
    boolean needsLogin() {
        return password != null;
    }

    /**
     * @param host the request's {@code Host} header, or null
     * @param authorization its {@code Authorization} header, or null
     */
    Decision decide(String host, String authorization) {
        if (host == null || !hosts.contains(host.strip().toLowerCase(Locale.ROOT))) {
            return Decision.WRONG_HOST;
        }
        if (password == null) {
            return Decision.ALLOW;
        }
        return given(authorization).map(p -> MessageDigest.isEqual(digest(p), password)).orElse(false)
                ? Decision.ALLOW : Decision.LOGIN;
    }

    /** The password of a Basic {@code Authorization} header, if it is one. */
    private static Optional<String> given(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(pair.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Compared as digests, so that the comparison takes as long whatever the lengths. */
    private static byte[] digest(String s) {
        return Sha256.digest(Objects.requireNonNull(s));
    }
}
