package dev.culprit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the pure core pure: no IO, mail, database, scheduler or JSON/YAML library in it. The rules
 * run from {@code @ArchTest} methods: Surefire 3.5.3 silently skips {@code @ArchTest} fields
 * (TNG/ArchUnit#1442).
 */
@AnalyzeClasses(packages = "dev.culprit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] PURE = {
        "dev.culprit.model..", "dev.culprit.parse..", "dev.culprit.assess..", "dev.culprit.learn..", "dev.culprit.recipients..",
        "dev.culprit.render..", "dev.culprit.replies..", "dev.culprit.answering.decide.."
    };

    static final ArchRule PURE_CORE_DOES_NO_IO = noClasses()
            .that().resideInAnyPackage(PURE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta.mail..", "org.eclipse.angus..", "java.nio.file..", "java.sql..", "javax.sql..",
                    "org.quartz..", "com.fasterxml.jackson..", "org.flywaydb..", "com.zaxxer..")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileReader")
            .because("model, parse, assess, recipients and render take values and return values");

    static final ArchRule PURE_CORE_DOES_NOT_DEPEND_ON_IO_PACKAGES = noClasses()
            .that().resideInAnyPackage(PURE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.culprit.mail..", "dev.culprit.spool..", "dev.culprit.store..",
                    "dev.culprit.schedule..", "dev.culprit.config..", "dev.culprit.cli..", "dev.culprit.mailbox..")
            .because("the IO packages depend on the pure core, never the other way round");

    static final ArchRule NOTHING_DEPENDS_ON_CLI = noClasses()
            .that().resideOutsideOfPackage("dev.culprit.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.culprit.cli..")
            .because("the command line is the outermost layer");

    static final ArchRule PURE_CORE_DOES_NOT_LOG = noClasses()
            .that().resideInAnyPackage("dev.culprit.model..", "dev.culprit.parse..", "dev.culprit.replies..",
                    "dev.culprit.answering.decide..")
            .should().dependOnClassesThat().resideInAnyPackage("org.slf4j..", "ch.qos.logback..")
            .because("the parser and the reply reader report problems as values, they do not log");

    static final ArchRule PACKAGES_FORM_NO_CYCLE = slices()
            .matching("dev.culprit.(*)..")
            .should().beFreeOfCycles()
            .because("each package can then be read, tested and changed knowing only those below it");

    static final ArchRule OPS_DOES_NOT_REACH_INTO_THE_STORE = noClasses()
            .that().resideInAPackage("dev.culprit.ops..")
            .should().dependOnClassesThat().resideInAPackage("dev.culprit.store..")
            .because("scan, delivery and scheduling report to ops, so ops stays below them; the assembly connects"
                    + " the store's figures to the metrics");

    static final ArchRule MAILBOX_ONLY_READS_AND_MOVES = noClasses()
            .that().resideInAPackage("dev.culprit.mailbox..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.culprit.store..", "dev.culprit.schedule..",
                    "dev.culprit.spool..", "dev.culprit.pipeline..", "dev.culprit.moderation..", "dev.culprit.config..",
                    "dev.culprit.answering..", "org.quartz..", "java.sql..", "javax.sql..")
            .because("the mailbox reads mail and moves it; what a reply does is decided behind ReplyHandler");

    @ArchTest
    void mailboxOnlyReadsAndMoves(JavaClasses classes) {
        MAILBOX_ONLY_READS_AND_MOVES.check(classes);
    }

    @ArchTest
    void pureCoreDoesNoIo(JavaClasses classes) {
        PURE_CORE_DOES_NO_IO.check(classes);
    }

    @ArchTest
    void pureCoreDoesNotDependOnIoPackages(JavaClasses classes) {
        PURE_CORE_DOES_NOT_DEPEND_ON_IO_PACKAGES.check(classes);
    }

    @ArchTest
    void nothingDependsOnCli(JavaClasses classes) {
        NOTHING_DEPENDS_ON_CLI.check(classes);
    }

    @ArchTest
    void pureCoreDoesNotLog(JavaClasses classes) {
        PURE_CORE_DOES_NOT_LOG.check(classes);
    }

    @ArchTest
    void packagesFormNoCycle(JavaClasses classes) {
        PACKAGES_FORM_NO_CYCLE.check(classes);
    }

    @ArchTest
    void opsDoesNotReachIntoTheStore(JavaClasses classes) {
        OPS_DOES_NOT_REACH_INTO_THE_STORE.check(classes);
    }
}
