/** The glue from a finished log to a prepared mail: parse, assess, address, render, compose. */
package dev.culprit.pipeline;
