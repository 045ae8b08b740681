package dev.culprit.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution archive as an operator unpacks and starts it. */
class DistributionIT {
    @TempDir
    Path dir;

    private Path home;

    @BeforeEach
    void unpack() {
        home = Distribution.unpack(dir);
    }

    private ChildProcess launcher(Path launcher, String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(launcher.toString()));
        cmd.addAll(List.of(args));
        return ChildProcess.run(cmd, dir, env -> {}, 120);
    }

    @Test
    void holdsTheLauncherTheJarTheConfigurationTheTemplatesAndTheReadmes() throws IOException {
        assertThat(home.resolve("bin/culprit")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(home.resolve("bin/culprit"))).contains(PosixFilePermission.OWNER_EXECUTE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
        assertThat(home.resolve("lib/culprit.jar")).isRegularFile();
        assertThat(home.resolve("config/culprit.yaml")).hasSameTextualContentAs(Path.of("config/culprit.yaml"));
        assertThat(home.resolve("config/culprit.service")).hasSameTextualContentAs(Path.of("config/culprit.service"));
        assertThat(home.resolve("README.md")).hasSameTextualContentAs(Path.of("README.md"));
        assertThat(home.resolve("CONTRIBUTING.md")).hasSameTextualContentAs(Path.of("CONTRIBUTING.md"));
        assertThat(home.resolve("samples/culprit.yaml")).hasSameTextualContentAs(Path.of("samples/culprit.yaml"));
        Path templates = Path.of("templates");
        if (Files.isDirectory(templates)) {
            try (Stream<Path> source = Files.list(templates)) {
                for (Path t : source.toList()) {
                    assertThat(home.resolve("templates").resolve(t.getFileName().toString())).hasSameTextualContentAs(t);
                }
            }
        }
    }

    @Test
    void holdsTheDocumentationAndEveryPageItLinksTo() throws IOException {
        List<String> pages;
        try (Stream<Path> source = Files.list(Path.of("docs"))) {
            pages = source.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(pages).contains("operating.md", "cluster.md", "moderation.md", "log-format.md", "configuration.md",
                "status-pages.md");
        for (String page : pages) {
            assertThat(home.resolve("docs").resolve(page)).hasSameTextualContentAs(Path.of("docs", page));
        }
        Matcher link = Pattern.compile("\\]\\((docs/[^)#]+)[)#]").matcher(Files.readString(home.resolve("README.md")));
        List<String> linked = new java.util.ArrayList<>();
        while (link.find()) {
            linked.add(link.group(1));
        }
        assertThat(linked).as("the README's links into docs/").isNotEmpty();
        for (String target : linked) {
            assertThat(home.resolve(target)).as("README links to " + target).isRegularFile();
        }
        String unit = Files.readString(home.resolve("config/culprit.service"));
        Matcher unitDoc = Pattern.compile("file:/opt/culprit/(\\S+)").matcher(unit);
        int named = 0;
        for (; unitDoc.find(); named++) {
            assertThat(home.resolve(unitDoc.group(1))).as("the unit's Documentation= " + unitDoc.group()).isRegularFile();
        }
        assertThat(named).as("pages the unit names in Documentation=").isPositive();
    }

    @Test
    void launcherPrintsTheVersion() {
        ChildProcess p = launcher(home.resolve("bin/culprit"), "--version");
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        assertThat(p.stdout()).isEqualTo("culprit " + Distribution.version() + "\n");
    }

    @Test
    void launcherWorksThroughASymbolicLink() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("culprit"), home.resolve("bin/culprit"));
        ChildProcess p = launcher(link, "--version");
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        assertThat(p.stdout()).isEqualTo("culprit " + Distribution.version() + "\n");
    }

    @Test
    void onceDryRunPreviewsTheSampleLogsAndChangesNothing() throws IOException {
        Path spool = home.resolve("samples/spool");
        assertThat(spool.resolve("inbox")).isDirectory();
        List<String> before = listing(spool);
        long logs = before.stream().filter(f -> f.endsWith(".log")).count();

        List<String> cmd = List.of(home.resolve("bin/culprit").toString(), "once", "--dry-run", "--config", "samples/culprit.yaml");
        ChildProcess p = ChildProcess.run(cmd, home, env -> {}, 300);

        assertThat(p.exitCode()).as(p.stderr()).isZero();
        assertThat(p.stderr()).contains("once (dry run): " + logs + " log(s) processed");
        assertThat(p.stdout()).startsWith("From ").contains("\nMessage-ID: <culprit.").contains("\nX-Culprit-Key: ");
        assertThat(listing(spool)).as("a dry run moves nothing in the spool").isEqualTo(before);
    }

    @Test
    void checkConfigRendersTheTemplatesFromTheJar() {
        ChildProcess p = launcher(home.resolve("bin/culprit"), "check-config");
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        assertThat(p.stdout()).contains("template culprit.ftl: ok: sample culprit.log")
                .contains("template retraction.ftl: ok: ").endsWith("built-in defaults: ok\n");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(f -> dir.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void launcherPassesUsageErrorsThrough() {
        ChildProcess p = launcher(home.resolve("bin/culprit"), "no-such-command");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.stdout()).isEmpty();
        assertThat(p.stderr()).contains("no-such-command");
    }
}
