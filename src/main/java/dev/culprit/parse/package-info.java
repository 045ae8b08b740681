/** The bisection log parser: text in, BisectionReport and problems out; pure, no IO. */
package dev.culprit.parse;
