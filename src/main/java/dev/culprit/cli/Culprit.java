package dev.culprit.cli;

import dev.culprit.assess.Assessor;
import dev.culprit.config.ConfigException;
import dev.culprit.config.CulpritConfig;
import dev.culprit.config.OptOutFile;
import dev.culprit.config.Secrets;
import dev.culprit.answering.AnsweringHandler;
import dev.culprit.answering.ReplyRules;
import dev.culprit.fixes.FixScan;
import dev.culprit.mail.Backoff;
import dev.culprit.mail.Deliverer;
import dev.culprit.mail.KillSwitch;
import dev.culprit.mail.MailTransport;
import dev.culprit.mail.MboxTransport;
import dev.culprit.mail.ObservedTransport;
import dev.culprit.mail.SmtpErrorClassifier;
import dev.culprit.mail.SmtpTransport;
import dev.culprit.mailbox.ReplyPoll;
import dev.culprit.mailbox.ReplySettings;
import dev.culprit.moderation.CurrentRecipientPolicy;
import dev.culprit.moderation.HeldNotices;
import dev.culprit.moderation.ModerationMails;
import dev.culprit.moderation.ModerationParts;
import dev.culprit.moderation.Moderator;
import dev.culprit.ops.Retention;
import dev.culprit.ops.ServiceOps;
import dev.culprit.pages.PageSources;
import dev.culprit.pages.StatusPages;
import dev.culprit.ops.ServiceEvents;
import dev.culprit.model.TrackRecord;
import dev.culprit.parse.LogParser;
import dev.culprit.pipeline.Pipeline;
import dev.culprit.pipeline.PipelineLogProcessor;
import dev.culprit.recipients.OptOuts;
import dev.culprit.render.DataModel;
import dev.culprit.render.RenderException;
import dev.culprit.render.Renderer;
import dev.culprit.schedule.CulpritService;
import dev.culprit.spool.LogProcessor;
import dev.culprit.spool.SpoolDirectory;
import dev.culprit.spool.SpoolScanner;
import dev.culprit.spool.StoreUnavailableException;
import dev.culprit.store.ClusterMode;
import dev.culprit.store.Database;
import dev.culprit.store.Intake;
import dev.culprit.store.LabelCounts;
import dev.culprit.store.Labels;
import dev.culprit.store.Moderation;
import dev.culprit.store.OptOutList;
import dev.culprit.store.ReplyRecords;
import dev.culprit.store.Outbox;
import dev.culprit.store.CulpritThreads;
import dev.culprit.store.ResultBlames;
import dev.culprit.store.SentBodies;
import dev.culprit.store.ServiceLock;
import dev.culprit.store.StoreException;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application wired by hand from the configuration, in one place: the report pipeline, the
 * moderation parts, the service (store, spool, transport, deliverer) and the operational parts.
 *
 * <p>One {@code Culprit} per process: its one {@link Renderer} (one FreeMarker configuration) is
 * made on first use and shared by the pipeline and the moderation mails.
 */
public final class Culprit {
    private static final Logger log = LoggerFactory.getLogger(Culprit.class);
    /** How often retention runs (and once at start). */
    static final Duration RETENTION_INTERVAL = Duration.ofHours(1);
    /** How long a watchdog exit waits for the shutdown hooks before halting the JVM. */
    static final Duration WATCHDOG_EXIT_GRACE = Duration.ofSeconds(30);

    private final CulpritConfig config;
    private final Clock clock;
    private Renderer renderer;
    private Pipeline pipeline;
    /** The store's label counts once the service's store is open; the mails cite the track record from there. */
    private volatile LabelCounts labelCounts;

    public Culprit(CulpritConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public CulpritConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The one renderer: the bundled templates, with {@code render.templates} in front when set.
     *
     * @throws ConfigException when the template directory does not exist
     */
    public synchronized Renderer renderer() throws ConfigException {
        if (renderer == null) {
            renderer = new Renderer(templateLoader());
        }
        return renderer;
    }

    private TemplateLoader templateLoader() throws ConfigException {
        if (config.render().templates() == null) {
            return Renderer.bundledLoader();
        }
        Path dir = Path.of(config.render().templates());
        if (!Files.isDirectory(dir)) {
            throw new ConfigException("render.templates: not a directory: " + dir);
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(dir.toFile()), Renderer.bundledLoader()});
        } catch (IOException e) {
            throw new ConfigException("render.templates: cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The opt-out file of {@code recipients.opt-out-file}, or empty when none is configured. */
    private Optional<OptOutFile> optOutFile() {
        String file = config.recipients().optOutFile();
        return file == null ? Optional.empty() : Optional.of(new OptOutFile(Path.of(file)));
    }

    /**
     * The pipeline as configured, its opt-outs read from {@code recipients.opt-out-file} for
     * every mail.
     *
     * @throws ConfigException when the template directory does not exist
     */
    public synchronized Pipeline pipeline() throws ConfigException {
        if (pipeline == null) {
            Pipeline.OptOutSource optOuts = optOutFile().<Pipeline.OptOutSource>map(f -> f::read).orElse(OptOuts::none);
            pipeline = new Pipeline(new LogParser(config.parse().crashReportLimit()), new Assessor(config.assess()),
                    config.recipients(), optOuts, renderer(), new DataModel(config.render()).readingCommands(config.replies().enabled()),
                    config.message(), clock)
                    .withTrackRecord(this::citableTrackRecord);
        }
        return pipeline;
    }

    /**
     * The track record a culprit mail cites: from the open store's labels of landed fixes, once
     * there are {@code learn.min-labelled} of them; none before the store is open or when it
     * cannot be read (the mail goes out without the line, and the failure is logged).
     */
    private Optional<TrackRecord> citableTrackRecord() {
        LabelCounts counts = labelCounts;
        if (counts == null) {
            return Optional.empty();
        }
        try {
            return counts.trackRecord().citable(config.learn().minLabelled());
        } catch (StoreException e) {
            log.warn("the track record is left out of this mail: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** The fix-history scan over this store, or empty when {@code learn.git-dir} is not set. */
    public Optional<FixScan> fixScan(Database db) {
        if (!config.learn().scans()) {
            return Optional.empty();
        }
        return Optional.of(new FixScan(config.learn(), config.message().archiveUrl(), new Labels(db), new LabelCounts(db), clock));
    }

    /**
     * The spool's log processor: the pipeline, after loading every template and reading the
     * opt-out file once, so a broken template or opt-out list fails at start rather than on the
     * first mail.
     */
    public LogProcessor processor() throws ConfigException {
        Pipeline p = pipeline();
        try {
            p.renderer().check();
        } catch (RenderException e) {
            throw new ConfigException("render.templates: " + e.getMessage(), e);
        }
        Optional<OptOutFile> file = optOutFile();
        if (file.isPresent()) {
            file.get().read();
        }
        return new PipelineLogProcessor(p);
    }

    /** The moderation mails, rendered by the one renderer. */
    public ModerationMails moderationMails() throws ConfigException {
        return new ModerationMails(renderer(), config.message(), clock);
    }

    /** The answers to replies and the notes to the moderators, rendered by the one renderer. */
    public dev.culprit.answering.AnswerMails answerMails() throws ConfigException {
        return new dev.culprit.answering.AnswerMails(renderer(), config.message(), clock);
    }

    /**
     * The replies poll over this store, handing each reply to the answering handler, or empty when
     * {@code replies.host} is not set.
     *
     * @throws IllegalStateException when the IMAP password cannot be read
     */
    public Optional<ReplyPoll> replyPoll(Outbox outbox, Secrets secrets, ServiceEvents events) throws ConfigException {
        ReplySettings s = config.replies();
        if (!s.enabled()) {
            return Optional.empty();
        }
        String password = secrets.read("replies.password", s.passwordFile(), s.passwordEnv());
        return Optional.of(Replies.poll(s, password, replyHandler(outbox, events), events::replyFailed));
    }

    /** What each reply does: the answering handler over this store, with the {@code replies} rules. */
    AnsweringHandler replyHandler(Outbox outbox, ServiceEvents events) throws ConfigException {
        ReplySettings s = config.replies();
        ReplyRules rules = ReplyRules.of(s.requireAuthentication(), s.authservId(), Replies.ownAddresses(config),
                s.answersPerHour(), s.answersPerHourTotal());
        return new AnsweringHandler(outbox, rules, config.moderation(), moderationMails(), answerMails(), events, clock);
    }

    /** The moderation parts over one outbox: the send-time policy, the held-mail notices, the moderator. */
    public ModerationParts moderation(Outbox outbox) throws ConfigException {
        OptOutList optOuts = outbox.optOuts();
        Optional<OptOutFile> file = optOutFile();
        CurrentRecipientPolicy policy = new CurrentRecipientPolicy(config.recipients(), () -> {
            try {
                return file.isPresent() ? file.get().read() : OptOuts.none();
            } catch (ConfigException e) {
                throw new IllegalStateException("cannot read the opt-out file: " + e.getMessage(), e);
            }
        }, optOuts);
        Moderation moderation = new Moderation(outbox.database(), clock);
        ModerationMails mails = moderationMails();
        return new ModerationParts(policy, new HeldNotices(moderation, mails, config.moderation()),
                new Moderator(outbox, moderation, optOuts, mails, policy));
    }

    /**
     * Opens the store and wires the service around it. For a dry run the store is a private
     * in-memory database, the spool is only read, and the transport writes mbox text to the given
     * stream: nothing on disk changes and no socket opens.
     *
     * @param processor the log processor (see {@link #processor()})
     * @param dryRunOut where a dry run writes its mails, or null for the real service
     * @param events told about scans, logs, mails and SMTP errors (metrics and the watchdog)
     */
    ServiceParts openService(LogProcessor processor, OutputStream dryRunOut, String dryRunWhere, Secrets secrets,
            ServiceEvents events) throws StoreException, IOException, ConfigException {
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
        try {
            return service(db, lock, processor, dryRunOut, dryRunWhere, secrets, events);
        } catch (RuntimeException | IOException | ConfigException | StoreException e) {
            db.close();
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    private ServiceParts service(Database db, ServiceLock lock, LogProcessor processor, OutputStream dryRunOut,
            String dryRunWhere, Secrets secrets, ServiceEvents events) throws StoreException, IOException, ConfigException {
        boolean dryRun = dryRunOut != null;
        String instance = ServiceParts.instanceId();
        if (!dryRun) {
            ClusterMode.enforce(db, config.state().cluster(), instance, clock.instant());
        }
        Outbox outbox = new Outbox(db, clock);
        labelCounts = new LabelCounts(db);
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
        ModerationParts moderation = moderation(outbox);
        Deliverer deliverer = new Deliverer(outbox, transport, config.delivery(), config.state().lease(), kill,
                moderation.policy(), instance, clock,
                new Backoff(config.delivery().initialBackoff(), config.delivery().maxBackoff(), RandomGenerator.getDefault()),
                events);
        ResultBlames blames = outbox.blames();
        CulpritThreads threads = outbox.threads();
        SpoolScanner scanner = new SpoolScanner(spool, processor.honouring(moderation.policy()::current)
                .knowingBlames((culprit, crash) -> {
                    try {
                        return blames.others(culprit, crash);
                    } catch (StoreException e) {
                        throw lookupFailed(e);
                    }
                }).knowingThreads((culprit, crash) -> {
                    try {
                        return threads.find(culprit, crash, clock.instant().minus(config.message().threadWindow()));
                    } catch (StoreException e) {
                        throw lookupFailed(e);
                    }
                }), outbox, dryRun, events);
        CulpritService service = new CulpritService(scanner, deliverer, outbox, events, clock, moderation::afterScan);
        boolean clustered = config.state().cluster() && db.dialect() == Database.Dialect.POSTGRESQL;
        return new ServiceParts(db, outbox, spool, service, instance, clustered, lock);
    }

    /**
     * The watchdog counts a scan or delivery start as progress, so its timeout must exceed both
     * intervals, or an idle healthy service would be ended between two runs.
     */
    static Optional<String> scheduleProblem(CulpritConfig config) {
        Duration stall = config.watchdog().stallTimeout();
        Duration scan = config.schedule().scanInterval();
        Duration deliver = config.schedule().deliverInterval();
        if (stall.compareTo(scan) <= 0) {
            return Optional.of("watchdog.stall-timeout: " + stall + " must be longer than schedule.scan-interval: " + scan);
        }
        if (stall.compareTo(deliver) <= 0) {
            return Optional.of("watchdog.stall-timeout: " + stall + " must be longer than schedule.deliver-interval: " + deliver);
        }
        return Optional.empty();
    }

    /**
     * Serves the status pages on the running endpoint when {@code metrics.pages} asks for them
     * (see {@link StatusPages#create}), reading this service's store and spool.
     */
    void servePages(ServiceParts w, ServiceOps ops, Secrets secrets, Path configFile) throws ConfigException {
        if (ops.endpointAddress() == null) {
            return;
        }
        PageSources sources = new PageSources(w.database, clock, new KillSwitch(config.paused(), config.state().dir()), w.spool,
                ops.activity()::snapshot, config.learn().minLabelled(), configFile);
        StatusPages.create(config.metrics(), ops.endpointAddress().getPort(), secrets, sources, renderer()).ifPresent(ops::pages);
    }

    /** Retention over the spool's {@code done/} and the store, or empty when {@code retention.days} is not set. */
    Optional<Retention> retention(Path done, Database database) {
        if (!config.retention().enabled()) {
            return Optional.empty();
        }
        log.info("retention: logs in {}, bodies of sent mails and records of replies are removed after {} days", done,
                config.retention().days());
        SentBodies bodies = new SentBodies(database, clock);
        ReplyRecords replies = new ReplyRecords(database, clock);
        return Optional.of(new Retention(done, config.retention().days(), clock, cutoff -> {
            int removed = bodies.purgeSentBefore(cutoff);
            replies.purgeReceivedBefore(cutoff);
            return removed;
        }));
    }

    /**
     * A lookup of earlier results failed: when the store refused the log's data (a NUL that
     * PostgreSQL cannot hold) the log is rejected with the reason, otherwise it waits for the next
     * scan.
     */
    static RuntimeException lookupFailed(StoreException e) {
        return Intake.refusedTheData(e) ? new IllegalStateException(e.getMessage(), e)
                : new StoreUnavailableException(e.getMessage(), e);
    }
}
