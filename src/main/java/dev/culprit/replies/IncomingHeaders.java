package dev.culprit.replies;

import java.util.List;

/**
 * The header values of an incoming mail that decide whether it may be answered, as read at the
 * edge (each list holds every occurrence of the header, empty when absent).
 *
 * @param contentType the top-level Content-Type, or null
 * @param fromAddresses the addr-specs of From
 * @param returnPath the Return-Path values as written ({@code <>} for a null sender)
 */
public record IncomingHeaders(List<String> autoSubmitted, List<String> precedence, List<String> returnPath,
        String contentType, List<String> fromAddresses) {
    public IncomingHeaders {
        autoSubmitted = List.copyOf(autoSubmitted);
        precedence = List.copyOf(precedence);
        returnPath = List.copyOf(returnPath);
        fromAddresses = List.copyOf(fromAddresses);
    }
}
