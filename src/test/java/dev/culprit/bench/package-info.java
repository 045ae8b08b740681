/** Benchmarks of the service, run by hand (see CONTRIBUTING.md), reported as ratios to a baseline measured in the same run. */
package dev.culprit.bench;
