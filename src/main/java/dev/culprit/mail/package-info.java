/** MIME composition, SMTP delivery over Jakarta Mail, dry-run sinks. */
package dev.culprit.mail;
