package dev.culprit.config;

import dev.culprit.assess.AssessPolicy;

/**
 * The whole configuration. Every section has defaults, so an empty file (or none) is valid.
 * Each section is a record owned by the package that uses it; a null section means "defaults".
 *
 * @param parse parser limits
 * @param assess how the reliability signals weigh and when a result is mailed or held
 */
public record CulpritConfig(ParseSettings parse, AssessPolicy assess) {
    public CulpritConfig {
        parse = parse == null ? ParseSettings.defaults() : parse;
        assess = assess == null ? AssessPolicy.defaults() : assess;
    }

    public static CulpritConfig defaults() {
        return new CulpritConfig(null, null);
    }
}
