package dev.culprit.render;

import dev.culprit.model.TrackRecord;

/**
 * What a mail adds from outside its own result: what the bot has learned.
 *
 * @param archiveLink where this mail will be read in a public archive, suggested in
 *     {@code Closes:} when the result has no dashboard link; null when none is configured
 * @param trackRecord the landed fixes' verdict on the bot's culprits, once it has enough of them
 *     to be cited; null before
 */
public record Footnotes(String archiveLink, TrackRecord trackRecord) {
    public static Footnotes none() {
        return new Footnotes(null, null);
    }
}
