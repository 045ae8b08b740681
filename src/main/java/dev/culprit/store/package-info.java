/** The durable outbox and sent ledger over JDBC, with Flyway migrations. */
package dev.culprit.store;
