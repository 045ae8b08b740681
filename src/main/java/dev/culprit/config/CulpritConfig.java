package dev.culprit.config;

/**
 * The whole configuration. Every section has defaults, so an empty file (or none) is valid.
 * Each section is a record owned by the package that uses it; a null section means "defaults".
 *
 * @param parse parser limits
 */
public record CulpritConfig(ParseSettings parse) {
    public CulpritConfig {
        parse = parse == null ? ParseSettings.defaults() : parse;
    }

    public static CulpritConfig defaults() {
        return new CulpritConfig(null);
    }
}
