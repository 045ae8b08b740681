/** Reliability assessment: signals, score and the verdict on whether to blame someone; pure. */
package dev.culprit.assess;
