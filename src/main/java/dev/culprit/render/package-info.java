/** FreeMarker rendering of subjects and bodies from the report data model; pure. */
package dev.culprit.render;
