package dev.culprit.config;

/**
 * @param crashReportLimit the most characters of a crash report kept; longer reports are cut
 *     and the cut is noted
 */
public record ParseSettings(Integer crashReportLimit) {
    public static final int DEFAULT_CRASH_REPORT_LIMIT = 64 * 1024;

    public ParseSettings {
        crashReportLimit = crashReportLimit == null ? DEFAULT_CRASH_REPORT_LIMIT : crashReportLimit;
        if (crashReportLimit < 0) {
            throw new IllegalArgumentException("crash-report-limit: must not be negative: " + crashReportLimit);
        }
    }

    public static ParseSettings defaults() {
        return new ParseSettings(null);
    }
}
