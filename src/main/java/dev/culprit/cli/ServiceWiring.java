package dev.culprit.cli;

import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.Secrets;
import dev.culprit.mail.Backoff;
import dev.culprit.mail.Deliverer;
import dev.culprit.mail.KillSwitch;
import dev.culprit.mail.MailTransport;
import dev.culprit.mail.MboxTransport;
import dev.culprit.mail.ObservedTransport;
import dev.culprit.mail.SmtpErrorClassifier;
import dev.culprit.mail.SmtpTransport;
import dev.culprit.moderation.ModerationWiring;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.schedule.CulpritService;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.spool.SpoolScanner;
import dev.culprit.store.ClusterMode;
import dev.culprit.store.Database;
import dev.culprit.store.Outbox;
import dev.culprit.store.ServiceLock;
import dev.culprit.store.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service wired by hand from the configuration: store, spool, transport, deliverer.
 *
 * <p>For a dry run the store is a private in-memory database, the spool is only read, and the
 * transport writes mbox text to the given stream: nothing on disk changes and no socket opens.
 */
final class ServiceWiring implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceWiring.class);

    final CulpritConfig config;
    final Database database;
    final Outbox outbox;
    final SpoolDirectory spool;
    final CulpritService service;
    /** This process's name in lease columns and, in a cluster, as a Quartz node. */
    final String instance;
    /** The state directory's service lock, or null (dry run, or a database given by URL). */
    private final ServiceLock lock;

    private ServiceWiring(CulpritConfig config, Database database, Outbox outbox, SpoolDirectory spool, CulpritService service,
            String instance, ServiceLock lock) {
        this.lock = lock;
        this.config = config;
        this.database = database;
        this.outbox = outbox;
        this.spool = spool;
        this.service = service;
        this.instance = instance;
    }

    /** Whether this process is a node of a cluster: {@code state.cluster} and not a dry run. */
    boolean clustered() {
        return config.state().cluster() && database.dialect() == Database.Dialect.POSTGRESQL;
    }

    /**
     * @param dryRunOut where a dry run writes its mails, or null for the real service
     */
    static ServiceWiring create(CulpritConfig config, LogProcessor processor, OutputStream dryRunOut, String dryRunWhere,
            Secrets secrets, Clock clock) throws StoreException, IOException, ConfigException {
        return create(config, processor, dryRunOut, dryRunWhere, secrets, clock, ServiceEvents.NONE);
    }

    /**
     * @param events told about scans, logs, mails and SMTP errors (metrics and the watchdog)
     */
    static ServiceWiring create(CulpritConfig config, LogProcessor processor, OutputStream dryRunOut, String dryRunWhere,
            Secrets secrets, Clock clock, ServiceEvents events) throws StoreException, IOException, ConfigException {
        boolean dryRun = dryRunOut != null;
        ServiceLock lock = null;
        if (!dryRun && config.state().jdbcUrl() == null) {
            Files.createDirectories(config.state().dir());
            lock = ServiceLock.acquire(config.state().dir());
        }
        Database db;
        try {
            db = dryRun ? Database.inMemory()
                : Database.open(config.state(), secrets.read("state.password", config.state().passwordFile(),
                        config.state().passwordEnv()));
            if (lock != null) {
                lock.share(config.state().dir().resolve("culprit"));
            }
        } catch (StoreException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
        String instance = instanceId();
        try {
            if (!dryRun) {
                ClusterMode.enforce(db, config.state().cluster(), instance, clock.instant());
            }
            Outbox outbox = new Outbox(db, clock);
            SpoolDirectory spool = new SpoolDirectory(config.spool(), clock);
            if (!dryRun) {
                spool.create();
            }
            MailTransport transport;
            KillSwitch kill;
            if (dryRun) {
                transport = new MboxTransport(dryRunOut, config.smtp().envelopeFrom(), dryRunWhere);
                kill = KillSwitch.never();
            } else {
                String password = secrets.read("smtp.password", config.smtp().passwordFile(), config.smtp().passwordEnv());
                transport = new ObservedTransport(new SmtpTransport(config.smtp(), password, new SmtpErrorClassifier()), events);
                kill = new KillSwitch(config.paused(), config.state().dir());
            }
            ModerationWiring moderation = ModerationWiring.create(config, outbox, clock);
            Deliverer deliverer = new Deliverer(outbox, transport, config.delivery(), config.state().lease(), kill,
                    moderation.policy(), instance, clock,
                    new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff(), RandomGenerator.getDefault()),
                    events);
            SpoolScanner scanner = new SpoolScanner(spool, processor.honouring(moderation.policy()::current), outbox, dryRun,
                    events);
            return new ServiceWiring(config, db, outbox, spool,
                    new CulpritService(scanner, deliverer, outbox, events, clock, moderation::afterScan), instance, lock);
        } catch (RuntimeException | IOException | ConfigException | StoreException e) {
            db.close();
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /** Names this process in lease columns: host, pid and a random part. */
    static String instanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String pid = Long.toString(ManagementFactory.getRuntimeMXBean().getPid());
        return host + ":" + pid + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void close() {
        database.close();
        if (lock != null) {
            lock.close();
        }
        log.debug("store closed");
    }
}
