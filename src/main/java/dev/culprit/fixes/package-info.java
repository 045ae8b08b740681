/**
 * The fix history at the edge: a local git clone read with JGit, and the scan that links the
 * fixes landed in it to mailed results, judges them with {@code learn} and stores the labels.
 */
package dev.culprit.fixes;
