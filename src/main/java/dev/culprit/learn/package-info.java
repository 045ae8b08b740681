/**
 * Learning from outcomes. Small, deterministic model fitting for the assessment's calibration: an
 * L2-penalised logistic regression on indicators with non-positive coefficients, and folds that
 * keep groups together (pure: arrays in, values out). Whether blames were right: the trailers of
 * landed fixes read back, how a fix is linked to a mailed result and judges its culprit (pure),
 * and the scan of a local git clone with JGit that turns them into labels in the store.
 */
package dev.culprit.learn;
