package dev.culprit.cli;

import dev.culprit.fixes.FixScan;
import dev.culprit.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a pass of the fix-history scan for {@code run}'s job and for {@code once}. */
final class FixScans {
    private static final Logger log = LoggerFactory.getLogger(FixScans.class);

    private FixScans() {}

    /** One pass; a store failure is logged (the next pass tries again), as the scan logs its own problems. */
    static void runLogged(FixScan scan) {
        try {
            scan.run();
        } catch (StoreException e) {
            log.error("fix scan: {}; the next pass tries again", e.getMessage());
        }
    }
}
