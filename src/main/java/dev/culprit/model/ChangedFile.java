package dev.culprit.model;

import java.util.Objects;

/**
 * A path the commit changed, from the diffstat ({@code path | 12 ++--}) or from the raw
 * {@code diff-tree} listing of old git (then {@code changes} is null and the path may be a
 * top-level directory).
 */
public record ChangedFile(String path, Integer changes) {
    public ChangedFile {
        Objects.requireNonNull(path, "path");
    }
}
