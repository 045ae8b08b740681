package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.fixes.FixHistory;
import dev.culprit.fixes.LearnProblem;
import dev.culprit.mail.SmtpSecurity;
import dev.culprit.mailbox.ImapMailbox;
import dev.culprit.mailbox.MailboxCheck;
import dev.culprit.pages.StatusPages;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code culprit check-config}: validates the configuration and what it points at (spool and
 * state directories, secrets, the log processor and its templates) without sending anything.
 */
@Command(name = "check-config", mixinStandardHelpOptions = true,
        description = {"Validate the configuration file and what it refers to, and render every template against a "
            + "bundled sample log (one line per template); exit 2 with a message naming the key when something is wrong."})
public final class CheckConfigCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    GlobalOptions global;

    @CommandLine.Option(names = "--connect", description = "Also connect to the SMTP server: connect, EHLO, STARTTLS and "
            + "authentication, one line per check; no mail is sent. With replies.host set, also log in to the IMAP "
            + "server and open (creating when missing) the replies folders. Exit 1 when a check fails.")
    boolean connect;

    private final LogProcessorFactory processors;

    public CheckConfigCommand() {
        this(Culprit::processor);
    }

    CheckConfigCommand(LogProcessorFactory processors) {
        this.processors = processors;
    }

    /** The spool and state directories, plain SMTP and the pause switch: what is wrong, what to watch. */
    private static void checkPlaces(CulpritConfig config, List<String> errors, List<String> warnings) {
        Path spool = config.spool().dir();
        if (!Files.exists(spool, LinkOption.NOFOLLOW_LINKS)) {
            warnings.add("spool.dir: " + spool + " does not exist yet; run and once create it");
        } else if (!Files.isDirectory(spool) || !Files.isWritable(spool)) {
            errors.add("spool.dir: " + spool + " is not a writable directory");
        }
        if (config.state().jdbcUrl() == null) {
            Path state = config.state().dir();
            if (Files.exists(state) && (!Files.isDirectory(state) || !Files.isWritable(state))) {
                errors.add("state.dir: " + state + " is not a writable directory");
            }
        }
        if (config.smtp().security() == SmtpSecurity.NONE) {
            warnings.add("smtp.security: none: mail and any password travel unencrypted");
        }
        if (config.replies().enabled() && config.replies().security() == SmtpSecurity.NONE) {
            warnings.add("replies.security: none: replies and the IMAP password travel unencrypted");
        }
        if (config.replies().enabled() && !config.replies().requireAuthentication()) {
            warnings.add("replies.require-authentication: false: the From address of every reply is taken as it is");
        }
        if (config.paused()) {
            warnings.add("paused: true: nothing will be sent");
        }
    }

    /** The secret, or null when none is configured or it cannot be read (then an error says why). */
    private static String secret(Secrets secrets, String key, String file, String env, List<String> errors) {
        try {
            return secrets.read(key, file, env);
        } catch (IllegalStateException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    /** Logs in to the replies mailbox and opens its folders, one line per step; true when none failed. */
    private static boolean mailboxCheck(CulpritConfig config, String password, PrintWriter out) {
        List<MailboxCheck.Line> lines = MailboxCheck.run(new ImapMailbox(config.replies(), password));
        lines.forEach(l -> out.println(l.text()));
        out.flush();
        return MailboxCheck.passed(lines);
    }

    @Override
    public Integer call() throws ConfigException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String source = global.config() == null ? "built-in defaults" : global.config().toString();
        CulpritConfig config = global.loadConfig();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Secrets secrets = Secrets.fromEnvironment();
        String smtpPassword = secret(secrets, "smtp.password", config.smtp().passwordFile(), config.smtp().passwordEnv(),
                errors);
        Culprit.scheduleProblem(config).ifPresent(errors::add);
        if (config.learn().scans()) {
            try (FixHistory history = FixHistory.open(config.learn().gitDir())) {
                history.missing(config.learn().refs()).forEach(ref -> errors.add("learn.refs: " + ref + " does not exist in "
                        + config.learn().gitDir()));
            } catch (LearnProblem e) {
                errors.add(e.getMessage());
            }
        }
        secret(secrets, "state.password", config.state().passwordFile(), config.state().passwordEnv(), errors);
        String imapPassword = secret(secrets, "replies.password", config.replies().passwordFile(),
                config.replies().passwordEnv(), errors);
        checkPlaces(config, errors, warnings);
        StatusPages.check(config.metrics(), secrets, errors, warnings);
        Culprit app = new Culprit(config, Clock.systemUTC());
        try {
            processors.create(app);
        } catch (ConfigException e) {
            errors.add(e.getMessage());
        }
        if (errors.isEmpty()) {
            try {
                for (TemplateCheck.Line line : TemplateCheck.run(app)) {
                    out.println(line.text());
                    if (!line.ok()) {
                        errors.add("render.templates: " + line.template() + ": " + line.detail());
                    }
                }
            } catch (ConfigException e) {
                errors.add(e.getMessage());
            }
        }
        warnings.forEach(w -> err.println("culprit: warning: " + w));
        if (!errors.isEmpty()) {
            errors.forEach(e -> err.println("culprit: " + source + ": " + e));
            return 2;
        }
        out.println(source + ": ok");
        if (connect) {
            boolean smtp = SmtpCheck.run(config.smtp(), smtpPassword, out);
            boolean imap = !config.replies().enabled() || mailboxCheck(config, imapPassword, out);
            return smtp && imap ? 0 : 1;
        }
        return 0;
    }
}
