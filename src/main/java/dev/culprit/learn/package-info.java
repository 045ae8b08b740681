/**
 * Small, deterministic model fitting for the assessment's calibration: an L2-penalised logistic
 * regression on indicators with non-positive coefficients, and folds that keep groups together.
 * Pure: arrays in, values out; no IO.
 */
package dev.culprit.learn;
