package dev.culprit.testing;

import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.util.Arrays;

/**
 * GreenMail server setups for tests. GreenMail waits only 2 s by default for its server threads to
 * accept connections, which a loaded machine can exceed; these setups wait up to {@link #STARTUP}
 * instead. A server that never starts still fails the test.
 */
public final class GreenMailSetups {
    /** How long a GreenMail server may take to start before the test fails. */
    public static final Duration STARTUP = Duration.ofMinutes(2);

    private GreenMailSetups() {}

    /** Plain SMTP on 127.0.0.1, on a dynamic port. */
    public static ServerSetup smtp() {
        return patient(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** Plain SMTP on 127.0.0.1, on the given port. */
    public static ServerSetup smtp(int port) {
        return patient(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    /** A copy of {@code setup} that waits up to {@link #STARTUP} for the server to start. */
    public static ServerSetup patient(ServerSetup setup) {
        ServerSetup copy = setup.createCopy();
        copy.setServerStartupTimeout(STARTUP.toMillis());
        return copy;
    }

    /** Copies of {@code setups} that each wait up to {@link #STARTUP} for their server to start. */
    public static ServerSetup[] patient(ServerSetup... setups) {
        return Arrays.stream(setups).map(GreenMailSetups::patient).toArray(ServerSetup[]::new);
    }
}
