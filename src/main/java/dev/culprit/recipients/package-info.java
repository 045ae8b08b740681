/** Who receives a report and why: recipient sources and the address policy; pure. */
package dev.culprit.recipients;
