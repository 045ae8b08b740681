/** The spool directory: finding finished logs, claiming them, archiving them to done or failed. */
package dev.culprit.spool;
