/** The YAML configuration: loading, defaults and validation with key paths. */
package dev.culprit.config;
