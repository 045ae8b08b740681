/** Quartz jobs and scheduler setup for the scan and delivery loops. */
package dev.culprit.schedule;
