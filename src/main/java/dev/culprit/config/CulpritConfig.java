package dev.culprit.config;

import dev.culprit.ops.MetricsSettings;
import dev.culprit.ops.RetentionSettings;
import dev.culprit.ops.WatchdogSettings;

/**
 * The whole configuration. Every section has defaults, so an empty file (or none) is valid.
 * Each section is a record owned by the package that uses it; a null section means "defaults".
 *
 * @param parse parser limits
 * @param metrics the optional HTTP endpoint for metrics and health
 * @param watchdog when a stalled service exits to be restarted
 * @param retention how long done logs and sent mail bodies are kept
 */
public record CulpritConfig(
        ParseSettings parse,
        MetricsSettings metrics,
        WatchdogSettings watchdog,
        RetentionSettings retention) {
    public CulpritConfig {
        parse = parse == null ? ParseSettings.defaults() : parse;
        metrics = metrics == null ? MetricsSettings.defaults() : metrics;
        watchdog = watchdog == null ? WatchdogSettings.defaults() : watchdog;
        retention = retention == null ? RetentionSettings.defaults() : retention;
    }

    public static CulpritConfig defaults() {
        return new CulpritConfig(null, null, null, null);
    }
}
