package dev.culprit.store;

/** A label the store will not take, with the reason for the operator (unknown result, fix bisection). */
public final class LabelRefused extends Exception {
    public LabelRefused(String message) {
        super(message);
    }
}
