package dev.culprit.render;

import dev.culprit.model.Outcome;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.SimpleObjectWrapper;
import freemarker.template.Template;

import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders subjects and bodies with one FreeMarker {@link Configuration}: incompatible improvements
 * pinned to 2.3.34, errors rethrown (never half a mail), no class instantiation from templates,
 * {@code ?api} off, locale, time zone (UTC) and number format pinned so output never depends on
 * the host. Templates only see maps, lists, strings, numbers and booleans.
 *
 * <p>The status pages' templates ({@code pages/*.ftlh}) live on the same configuration but always
 * come from the jar ({@link PageTemplateLoader}); their {@code .ftlh} name gives them HTML output
 * with automatic escaping.
 *
 * <p>Template names: {@code subject.ftl} and one body template per outcome, named by the outcome
 * id ({@code culprit.ftl}, {@code not-fixed-on-head.ftl}, ...). Text from a log is data: it is
 * printed as is and never parsed as a template.
 */
public final class Renderer {
    public static final String SUBJECT = "subject.ftl";
    /** The body of the notice to the moderators about a held mail. */
    public static final String MODERATION_NOTICE = "moderation-notice.ftl";
    /** The body of the correction sent when a result is retracted. */
    public static final String RETRACTION = "retraction.ftl";
    /** The body of the answer to a reply's commands. */
    public static final String ANSWER = "answer.ftl";
    /** The body of the note to the moderators when someone replies that a result is wrong. */
    public static final String REPLY_NOTE = "reply-note.ftl";

    private final Configuration cfg;

    /** @param loader where templates come from; see {@link #bundledLoader()} */
    public Renderer(TemplateLoader loader) {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setTemplateLoader(new PageTemplateLoader(loader));
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setObjectWrapper(new SimpleObjectWrapper(Configuration.VERSION_2_3_34));
        cfg.setOutputFormat(PlainTextOutputFormat.INSTANCE);
        cfg.setLocale(Locale.ROOT);
        cfg.setLocalizedLookup(false);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setFallbackOnNullLoopVariable(false);
    }

    /** The templates bundled in the jar, under {@code templates/} on the class path. */
    public static TemplateLoader bundledLoader() {
        return new ClassTemplateLoader(Renderer.class.getClassLoader(), "templates");
    }

    /** The name of the body template for an outcome. */
    public static String bodyTemplate(Outcome outcome) {
        return outcome.id() + ".ftl";
    }

    /** Every template the renderer needs: the subject, one body per outcome, the notice and the correction. */
    public static List<String> templateNames() {
        List<String> names = new ArrayList<>();
        names.add(SUBJECT);
        for (Outcome o : Outcome.values()) {
            names.add(bodyTemplate(o));
        }
        names.add(MODERATION_NOTICE);
        names.add(RETRACTION);
        names.add(ANSWER);
        names.add(REPLY_NOTE);
        return names;
    }

    /** Loads and parses every template, so a broken override fails at start, not on the first mail. */
    public void check() throws RenderException {
        for (String name : templateNames()) {
            template(name);
        }
    }

    /**
     * Renders the subject and the body for the given data model (see {@link DataModel}).
     *
     * @param outcome selects the body template
     */
    public Rendered render(Outcome outcome, Map<String, Object> model) throws RenderException {
        String subject = Subjects.clean(process(SUBJECT, model));
        String body = process(bodyTemplate(outcome), model);
        return new Rendered(subject.isEmpty() ? "culprit report" : subject, normalize(body));
    }

    /**
     * Renders a body template that belongs to no outcome (the moderation notice, the correction
     * mail), normalized like every body.
     */
    public String renderBody(String template, Map<String, Object> model) throws RenderException {
        return normalize(process(template, model));
    }

    /**
     * Renders a status page from the templates bundled in the jar.
     *
     * @param name the page's template under {@code pages/}, such as {@code index.ftlh}
     */
    public String renderPage(String name, Map<String, Object> model) throws RenderException {
        return process(PageTemplateLoader.PREFIX + name, model);
    }

    private String process(String name, Map<String, Object> model) throws RenderException {
        Template t = template(name);
        StringWriter out = new StringWriter();
        try {
            t.process(model, out);
        } catch (TemplateException e) {
            throw new RenderException("template " + name + " failed: " + oneLine(e.getMessageWithoutStackTop()), e);
        } catch (IOException e) {
            throw new RenderException("template " + name + " failed: " + oneLine(e.getMessage()), e);
        }
        return out.toString();
    }

    private Template template(String name) throws RenderException {
        try {
            return cfg.getTemplate(name);
        } catch (IOException e) {
            throw new RenderException("template " + name + ": " + oneLine(e.getMessage()), e);
        }
    }

    /** FreeMarker messages span lines and end with hints; an operator gets one line. */
    private static String oneLine(String message) {
        String m = message == null ? "" : message;
        int tip = m.indexOf("\n----");
        if (tip > 0) {
            m = m.substring(0, tip);
        }
        return m.strip().replaceAll("\\s*\\n\\s*", " ");
    }

    /** Trailing spaces removed from each line (except the signature separator {@code "-- "}), at most one blank line in a row, one final newline. */
    static String normalize(String body) {
        StringBuilder b = new StringBuilder(body.length());
        boolean blank = false;
        for (String line : body.replace("\r\n", "\n").split("\n", -1)) {
            String l = line.equals("-- ") ? line : line.stripTrailing();
            if (l.isEmpty()) {
                blank = b.length() > 0;
                continue;
            }
            if (blank) {
                b.append('\n');
                blank = false;
            }
            b.append(l).append('\n');
        }
        return b.toString();
    }
}
