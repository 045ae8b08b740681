package dev.culprit.cli;

import dev.culprit.testing.TestProcessor;
import picocli.CommandLine;

/**
 * {@code culprit} with the test log processor in place of the report pipeline, for tests and
 * benchmarks that run the service in a child JVM on generated logs.
 */
public final class TestServiceMain {
    private TestServiceMain() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        LogProcessorFactory processors = config -> new TestProcessor();
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> cls) throws Exception {
                if (cls == RunCommand.class) {
                    return (K) new RunCommand(processors);
                }
                if (cls == OnceCommand.class) {
                    return (K) new OnceCommand(processors);
                }
                return defaults.create(cls);
            }
        };
        CommandLine cl = new CommandLine(new Main(), factory);
        cl.setExitCodeExceptionMapper(e -> 1);
        return cl;
    }
}
