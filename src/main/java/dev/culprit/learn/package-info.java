/**
 * Learning from outcomes, pure: values in, values out. Small, deterministic model fitting for the
 * assessment's calibration: an L2-penalised logistic regression on indicators with non-positive
 * coefficients, and folds that keep groups together. Whether blames were right: the trailers of
 * landed fixes read back, how a fix is linked to a mailed result and how it judges the mailed
 * culprit (the git clone itself is read in {@code fixes}).
 */
package dev.culprit.learn;
