package dev.culprit.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.slf4j.LoggerFactory;

class TaskJobTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(FixScanJob.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    @Test
    void aFailingTaskIsLoggedByItsJobAndNotThrown() {
        AtomicInteger runs = new AtomicInteger();
        Job job = new FixScanJob(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("no repository");
        });

        assertThatCode(() -> job.execute(null)).doesNotThrowAnyException();

        assertThat(runs).hasValue(1);
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage()).isEqualTo("fix scan failed: java.lang.IllegalStateException: no repository");
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("no repository");
        });
    }

    @Test
    void eachTaskKeepsAJobClassOfItsOwnThatNeverRunsTwiceAtOnce() {
        for (Class<? extends Job> type : List.of(FixScanJob.class, ReplyPollJob.class, HousekeepingJob.class)) {
            assertThat(JobBuilder.newJob(type).build().isConcurrentExecutionDisallowed()).as(type.getSimpleName()).isTrue();
        }
    }
}
