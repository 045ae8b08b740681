package dev.culprit.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, falling back to "development". */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"culprit " + (v == null ? "development" : v)};
    }
}
