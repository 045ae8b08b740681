/**
 * Reliability assessment: the signals a bisection log raises against its result, each with a
 * reason for the maintainer, the score they leave and the verdict (mail, hold for moderation,
 * skip); and the measures that chose the default weights on labelled logs (confusion tables,
 * cross-validation). Pure: values in, values out.
 */
package dev.culprit.assess;
