package dev.culprit.fixes;

import dev.culprit.learn.FixTrailers;
import dev.culprit.learn.FixCommit;
import dev.culprit.model.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.CommitTimeRevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A local clone read with JGit: its refs resolved, and the commits of a ref's history newer than
 * a time and not reachable from commits already read, newest first. Only commits whose trailers
 * could link them to a result are handed on; message bodies are let go as the walk moves on.
 */
public final class FixHistory implements AutoCloseable {
    /** Told about each commit that carries a linking trailer. */
    @FunctionalInterface
    public interface Visitor {
        void visit(FixCommit commit) throws LearnProblem;
    }

    private final Repository repo;

    private FixHistory(Repository repo) {
        this.repo = repo;
    }

    /**
     * Opens the clone at {@code dir} (a work tree with {@code .git} or a bare repository).
     *
     * @throws LearnProblem when it is missing, not a repository, or shallow (its history would
     *     stop short, and fixes past the cut would never be read)
     */
    public static FixHistory open(Path dir) throws LearnProblem {
        if (!Files.isDirectory(dir)) {
            throw new LearnProblem("learn.git-dir: " + dir + " does not exist or is not a directory");
        }
        java.io.File gitDir = RepositoryCache.FileKey.resolve(dir.toFile(), FS.DETECTED);
        if (gitDir == null) {
            throw new LearnProblem("learn.git-dir: " + dir + " is not a git repository (no .git, not a bare repository)");
        }
        Path shallow = gitDir.toPath().resolve("shallow");
        try {
            if (Files.isRegularFile(shallow) && Files.size(shallow) > 0) {
                throw new LearnProblem("learn.git-dir: " + dir + " is a shallow clone: its history stops short, so fixes past"
                        + " the cut are never read; run git fetch --unshallow in it");
            }
            return new FixHistory(new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build());
        } catch (IOException e) {
            throw new LearnProblem("learn.git-dir: cannot open " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The commit a ref names, or empty when the ref does not exist. */
    public Optional<ObjectId> resolve(String ref) throws LearnProblem {
        try {
            ObjectId id = repo.resolve(ref + "^{commit}");
            return Optional.ofNullable(id);
        } catch (IOException | RuntimeException e) {
            throw new LearnProblem("learn.refs: cannot resolve " + ref + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code commit} is in this clone and in the history of {@code tip}. */
    public boolean onHistory(String commit, ObjectId tip) throws LearnProblem {
        try (RevWalk walk = new RevWalk(repo)) {
            ObjectId id = ObjectId.fromString(commit);
            return walk.isMergedInto(walk.parseCommit(id), walk.parseCommit(tip));
        } catch (MissingObjectException | IllegalArgumentException e) {
            return false;
        } catch (IOException e) {
            throw new LearnProblem("cannot read the history of " + tip.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Walks the history of {@code tip} newest first, down to commits made before {@code since}
     * (null: no limit) and stopping at {@code seen} (null: none), handing each commit with a
     * linking trailer to {@code visitor}.
     *
     * @return how many commits were read
     */
    public long walk(ObjectId tip, String seen, Instant since, Visitor visitor) throws LearnProblem {
        long read = 0;
        try (RevWalk walk = new RevWalk(repo)) {
            walk.markStart(walk.parseCommit(tip));
            if (seen != null) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(seen)));
            }
            if (since != null) {
                walk.setRevFilter(CommitTimeRevFilter.after(Date.from(since)));
            }
            for (RevCommit c : walk) {
                read++;
                String message = c.getFullMessage();
                c.disposeBody();
                FixTrailers trailers = FixTrailers.read(message);
                if (trailers.linksAnything()) {
                    visitor.visit(new FixCommit(c.name(), trailers, fingerprint(message),
                            Instant.ofEpochSecond(c.getCommitTime())));
                }
            }
            return read;
        } catch (IOException e) {
            throw new LearnProblem("cannot read the history of " + tip.name() + ": " + e.getMessage(), e);
        }
    }

    /** The same for the same fix message, whatever its hash after a rebase. */
    static String fingerprint(String message) {
        return Sha256.hex(message);
    }

    @Override
    public void close() {
        repo.close();
    }

    /** The refs that do not exist in this clone. */
    public List<String> missing(List<String> refs) throws LearnProblem {
        List<String> out = new java.util.ArrayList<>();
        for (String r : refs) {
            if (resolve(r).isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }
}
