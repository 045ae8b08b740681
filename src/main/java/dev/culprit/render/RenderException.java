package dev.culprit.render;

/** A template that is missing, does not parse, or failed while rendering; no half mail is produced. */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
