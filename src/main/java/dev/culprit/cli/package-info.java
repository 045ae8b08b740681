/** picocli commands and the hand-wired assembly of the application. */
package dev.culprit.cli;
