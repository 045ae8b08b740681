package dev.culprit.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;

/**
 * Puts the status pages' templates beside the mail templates on the one configuration: a name
 * under {@value #PREFIX} is always read from the jar ({@code culprit/pages/} on the class path),
 * whatever template directory the operator gave, so the pages cannot be overridden; every other
 * name goes to the mail templates' loader.
 */
final class PageTemplateLoader implements TemplateLoader {
    static final String PREFIX = "pages/";

    private final TemplateLoader pages = new ClassTemplateLoader(PageTemplateLoader.class.getClassLoader(), "culprit/pages");
    private final TemplateLoader mails;

    PageTemplateLoader(TemplateLoader mails) {
        this.mails = mails;
    }

    /** A source with the loader it came from, so that reading it asks the same loader. */
    private record Source(boolean page, Object source) {}

    @Override
    public Object findTemplateSource(String name) throws IOException {
        boolean page = name.startsWith(PREFIX);
        Object source = page ? pages.findTemplateSource(name.substring(PREFIX.length())) : mails.findTemplateSource(name);
        return source == null ? null : new Source(page, source);
    }

    private TemplateLoader loader(Object source) {
        return ((Source) source).page() ? pages : mails;
    }

    @Override
    public long getLastModified(Object source) {
        return loader(source).getLastModified(((Source) source).source());
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        return loader(source).getReader(((Source) source).source(), encoding);
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
        loader(source).closeTemplateSource(((Source) source).source());
    }
}
