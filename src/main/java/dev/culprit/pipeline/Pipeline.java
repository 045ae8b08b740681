package dev.culprit.pipeline;

import dev.culprit.assess.Assessor;
import dev.culprit.assess.Blames;
import dev.culprit.config.ConfigException;
import dev.culprit.mail.MessageComposer;
import dev.culprit.mail.MessageHeaders;
import dev.culprit.mail.MessageSettings;
import dev.culprit.model.Assessment;
import dev.culprit.model.BisectionReport;
import dev.culprit.model.CulpritThread;
import dev.culprit.model.ParseResult;
import dev.culprit.model.PreparedMail;
import dev.culprit.model.Problem;
import dev.culprit.model.Recipient;
import dev.culprit.model.ResultKey;
import dev.culprit.model.Sidecar;
import dev.culprit.model.TrackRecord;
import dev.culprit.learn.Urls;
import dev.culprit.render.Footnotes;
import dev.culprit.parse.LogParser;
import dev.culprit.recipients.Address;
import dev.culprit.recipients.OptOuts;
import dev.culprit.recipients.PolicyResult;
import dev.culprit.recipients.RecipientResolver;
import dev.culprit.recipients.RecipientSettings;
import dev.culprit.recipients.Resolution;
import dev.culprit.render.DataModel;
import dev.culprit.render.MailContext;
import dev.culprit.render.RenderException;
import dev.culprit.render.Rendered;
import dev.culprit.render.Renderer;
import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntBiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a parsed bisection into a {@link PreparedMail}: assess, resolve recipients and apply the
 * policy, render subject and body, compose the MIME bytes. Shared by the service, dry runs and
 * {@code culprit preview}; it touches no spool, store or network. The clock is injected so the
 * same input gives the same bytes.
 */
public final class Pipeline {
    private static final Logger log = LoggerFactory.getLogger(Pipeline.class);

    /** Reads the opt-outs in force now. */
    @FunctionalInterface
    public interface OptOutSource {
        OptOuts current() throws ConfigException;
    }

    /** Reads the bot's track record now, when a mail may cite it. */
    @FunctionalInterface
    public interface TrackRecordSource {
        Optional<TrackRecord> citable();
    }

    private final LogParser parser;
    private final Assessor assessor;
    private final RecipientSettings recipientSettings;
    private final RecipientResolver resolver;
    private final OptOutSource optOuts;
    private final Renderer renderer;
    private final DataModel dataModel;
    private final MessageSettings identity;
    private final Clock clock;
    private final TrackRecordSource trackRecord;
    private final MessageComposer composer = new MessageComposer();
    /** For a culprit commit and a crash: how many stored results blamed the commit for another crash. */
    private final ToIntBiFunction<String, String> earlierBlames;
    /** The thread each culprit already has: the first mail that blamed it and the other crashes. */
    private final CulpritThread.Lookup threads;

    /**
     * @param recipients the sources and the policy of {@code recipients}
     * @param optOuts the opt-outs honoured, read for every mail
     * @param identity the sender, reply-to and Message-ID domain of {@code message}
     */
    public Pipeline(LogParser parser, Assessor assessor, RecipientSettings recipients, OptOutSource optOuts,
            Renderer renderer, DataModel dataModel, MessageSettings identity, Clock clock) {
        this(parser, assessor, recipients, optOuts, renderer, dataModel, identity, clock, (culprit, crash) -> 0, Optional::empty,
                CulpritThread.Lookup.NONE);
    }

    private Pipeline(LogParser parser, Assessor assessor, RecipientSettings recipients, OptOutSource optOuts,
            Renderer renderer, DataModel dataModel, MessageSettings identity, Clock clock,
            ToIntBiFunction<String, String> earlierBlames, TrackRecordSource trackRecord, CulpritThread.Lookup threads) {
        this.earlierBlames = earlierBlames;
        this.trackRecord = trackRecord;
        this.threads = threads;
        this.parser = parser;
        this.assessor = assessor;
        this.recipientSettings = recipients;
        this.resolver = recipients.resolver();
        this.optOuts = optOuts;
        this.renderer = renderer;
        this.dataModel = dataModel;
        this.identity = identity;
        this.clock = clock;
    }

    /**
     * This pipeline, with {@code more} opt-outs honoured besides its own (the store's list, read
     * for every mail).
     */
    public Pipeline withMoreOptOuts(OptOutSource more) {
        OptOutSource own = optOuts;
        return new Pipeline(parser, assessor, recipientSettings, () -> {
            OptOuts a = own.current();
            OptOuts b = more.current();
            Set<String> addresses = new HashSet<>(a.addresses());
            addresses.addAll(b.addresses());
            Set<String> domains = new HashSet<>(a.domains());
            domains.addAll(b.domains());
            return new OptOuts(addresses, domains);
        }, renderer, dataModel, identity, clock, earlierBlames, trackRecord, threads);
    }

    /**
     * This pipeline, knowing from {@code earlier} how many stored results blamed a commit for
     * another crash (raising {@code blamed-before}); {@code earlier} throws
     * {@link IllegalStateException} when it cannot read them.
     */
    public Pipeline withEarlierBlames(ToIntBiFunction<String, String> earlier) {
        return new Pipeline(parser, assessor, recipientSettings, optOuts, renderer, dataModel, identity, clock, earlier, trackRecord,
                threads);
    }

    /** This pipeline, citing the track record {@code source} gives in every culprit mail. */
    public Pipeline withTrackRecord(TrackRecordSource source) {
        return new Pipeline(parser, assessor, recipientSettings, optOuts, renderer, dataModel, identity, clock, earlierBlames, source,
                threads);
    }

    /**
     * This pipeline, knowing from {@code lookup} the thread each culprit already has: a result
     * blaming a commit already mailed about answers the first mail (unless the sidecar names a
     * report to reply to) and names the other crashes bisected to it. {@code lookup} throws
     * {@link IllegalStateException} when it cannot read the store.
     */
    public Pipeline withThreads(CulpritThread.Lookup lookup) {
        return new Pipeline(parser, assessor, recipientSettings, optOuts, renderer, dataModel, identity, clock,
                earlierBlames, trackRecord, lookup);
    }

    public Renderer renderer() {
        return renderer;
    }

    /** The parser this pipeline uses, configured with {@code parse.crash-report-limit}. */
    public LogParser parser() {
        return parser;
    }

    /** Parses the log and prepares its mail. */
    public PreparedMail prepare(String source, Reader log, Sidecar sidecar) throws IOException, PrepareException {
        return prepare(source, parser.parse(log), sidecar);
    }

    /** Parses the log and prepares its mail, keeping the policy's account. */
    public Prepared prepareWithDetails(String source, Reader log, Sidecar sidecar) throws IOException, PrepareException {
        return prepareWithDetails(source, parser.parse(log), sidecar);
    }

    /** Prepares the mail for a parsed log. */
    public PreparedMail prepare(String source, ParseResult parsed, Sidecar sidecar) throws PrepareException {
        return prepareWithDetails(source, parsed, sidecar).mail();
    }

    /** Prepares the mail and keeps the policy's account of dropped, trimmed and redirected addresses. */
    public Prepared prepareWithDetails(String source, ParseResult parsed, Sidecar sidecar) throws PrepareException {
        Sidecar side = sidecar == null ? Sidecar.empty() : sidecar;
        BisectionReport report = parsed.report();
        List<Problem> problems = new ArrayList<>(parsed.problems());
        Assessment assessment = assessor.assess(report, otherBlames(source, report));
        Resolution resolution = resolver.resolve(report, side);
        problems.addAll(resolution.problems());
        OptOuts current;
        try {
            current = optOuts.current();
        } catch (ConfigException e) {
            throw new PrepareException(source + ": " + e.getMessage(), e);
        }
        PolicyResult policy = recipientSettings.policy(current).apply(resolution.candidates());
        if (policy.recipients().isEmpty()) {
            problems.add(new Problem(0, "no recipient left after the recipient policy"));
        }
        ResultKey key = ResultKey.of(report, side == null ? null : side.bugId());
        String messageId = key.messageId(identity.messageIdDomain());
        String reportedBy = creditAddress(side, identity, problems);
        CulpritThread thread = thread(source, report, messageId);
        MailContext ctx = new MailContext(report, assessment, policy, side, reportedBy, key, messageId, thread);
        Rendered rendered;
        try {
            rendered = renderer.render(report.outcome(), dataModel.build(ctx, footnotes(messageId)));
        } catch (RenderException e) {
            throw new PrepareException(source + ": " + e.getMessage(), e);
        }
        Instant now = clock.instant();
        List<Recipient> to = policy.recipients().stream().filter(r -> r.field() == Recipient.Field.TO).toList();
        List<Recipient> cc = policy.recipients().stream().filter(r -> r.field() == Recipient.Field.CC).toList();
        MessageHeaders headers = new MessageHeaders(identity.fromAddress(), identity.replyToAddress(), to, cc,
                rendered.subject(), now, messageId, side.messageId() != null ? side.messageId() : thread.messageId(),
                key.shortId());
        byte[] bytes = composer.compose(headers, rendered.body());
        log.debug("{}: prepared {} for {} recipients, verdict {}, key {}", source, messageId,
                policy.recipients().size(), assessment.verdict().id(), key.shortId());
        PreparedMail mail = new PreparedMail(source, key, messageId, report, assessment, policy.recipients(),
                rendered.subject(), bytes, problems, side);
        return new Prepared(mail, policy);
    }

    /**
     * The thread this result's culprit already has; none for a result with no culprit. Its own
     * mail (the same result seen again) is no thread to answer.
     */
    private CulpritThread thread(String source, BisectionReport report, String messageId) throws PrepareException {
        String culprit = Blames.culprit(report);
        if (culprit == null) {
            return CulpritThread.NONE;
        }
        try {
            CulpritThread t = threads.find(culprit, Blames.crash(report));
            return messageId.equals(t.messageId()) ? new CulpritThread(null, t.otherCrashes()) : t;
        } catch (IllegalStateException e) {
            throw new PrepareException(source + ": " + e.getMessage(), e);
        }
    }

    /** How many stored results blamed this result's culprit for another crash; 0 for a result with no culprit. */
    private int otherBlames(String source, BisectionReport report) throws PrepareException {
        String culprit = Blames.culprit(report);
        if (culprit == null) {
            return 0;
        }
        try {
            return earlierBlames.applyAsInt(culprit, Blames.crash(report));
        } catch (IllegalStateException e) {
            throw new PrepareException(source + ": " + e.getMessage(), e);
        }
    }

    private Footnotes footnotes(String messageId) {
        String archive = identity.archiveUrl() == null ? null : Urls.archiveLink(identity.archiveUrl(), messageId);
        return new Footnotes(archive, trackRecord.citable().orElse(null));
    }

    /** The sidecar's credit address, else the configured one; an unusable one becomes a problem. */
    private static String creditAddress(Sidecar side, MessageSettings identity, List<Problem> problems) {
        if (side.reportedBy() != null) {
            try {
                return Address.parse(side.reportedBy()).toString();
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(0, "sidecar reported-by not used: " + e.getMessage()));
            }
        }
        return identity.reportedBy();
    }
}
