package dev.culprit.ops;

/**
 * The {@code metrics} section: the optional HTTP endpoint with {@code /metrics} and {@code /health},
 * and the status pages on it.
 *
 * @param enabled whether to serve it at all (default false)
 * @param bind the address to listen on (default {@code 127.0.0.1}: this host only)
 * @param port the TCP port (default 9474; 0 picks a free one)
 * @param pages whether to serve the read-only status pages ({@code /}, {@code /results/KEY},
 *     {@code /held}, {@code /trust}) too (default false)
 * @param passwordFile the file holding the pages' HTTP Basic password; required for the pages when
 *     {@code bind} is beyond loopback, unused on loopback (default none)
 */
public record MetricsSettings(Boolean enabled, String bind, Integer port, Boolean pages, String passwordFile) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9474;

    public MetricsSettings {
        enabled = enabled != null && enabled;
        bind = bind == null ? DEFAULT_BIND : bind.strip();
        port = port == null ? DEFAULT_PORT : port;
        pages = pages != null && pages;
        if (bind.isEmpty()) {
            throw new IllegalArgumentException("bind: must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port: must be between 0 and 65535: " + port);
        }
        if (passwordFile != null && passwordFile.isBlank()) {
            throw new IllegalArgumentException("password-file: must not be empty; leave it out for none");
        }
    }

    /** The endpoint without the status pages. */
    public MetricsSettings(Boolean enabled, String bind, Integer port) {
        this(enabled, bind, port, null, null);
    }

    public static MetricsSettings defaults() {
        return new MetricsSettings(null, null, null, null, null);
    }
}
