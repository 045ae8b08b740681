package dev.culprit.cli;

import dev.culprit.mail.SmtpSettings;
import dev.culprit.ops.SmtpProbe;
import java.io.PrintWriter;
import java.util.List;

/** {@code check-config --connect}: probes the configured SMTP server and prints one line per check. */
final class SmtpCheck {
    private SmtpCheck() {}

    static SmtpProbe.Target target(SmtpSettings s, String password) {
        return new SmtpProbe.Target(s.host(), s.port(), SmtpProbe.Security.valueOf(s.security().name()), s.username(),
                password, s.ehloName(), s.readTimeout());
    }

    /** Prints the checks; true when none failed. */
    static boolean run(SmtpSettings settings, String password, PrintWriter out) {
        List<SmtpProbe.Check> checks = SmtpProbe.probe(target(settings, password));
        checks.forEach(c -> out.println(c.line()));
        out.flush();
        return SmtpProbe.passed(checks);
    }
}
