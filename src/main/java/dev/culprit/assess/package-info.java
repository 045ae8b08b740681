/**
 * Reliability assessment: the signals a bisection log raises against its result, each with a
 * reason for the maintainer, the score they leave and the verdict (mail, hold for moderation,
 * skip); and the calibration that fits the weights and the threshold to labelled logs (confusion
 * tables, the holdout, grouped cross-validation). Pure: values in, values out.
 */
package dev.culprit.assess;
