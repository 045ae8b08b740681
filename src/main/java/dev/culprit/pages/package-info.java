/** The read-only status pages: their HTTP side (methods, hosts, passwords, headers), the page models and the queries they show. */
package dev.culprit.pages;
