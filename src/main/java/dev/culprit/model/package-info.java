/** Immutable records describing what a bisection found and what is done about it. */
package dev.culprit.model;
