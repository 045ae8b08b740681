/**
 * Running culprit as a service: metrics, the HTTP endpoint for metrics and health, the watchdog
 * that ends a stalled process, retention of old logs and mail bodies, and the console log format.
 */
package dev.culprit.ops;
