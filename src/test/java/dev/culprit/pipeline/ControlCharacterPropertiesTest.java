package dev.culprit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.culprit.cli.Culprit;
import dev.culprit.config.CulpritConfig;
import dev.culprit.model.PreparedMail;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

/**
 * One control character (C0, DEL, U+0085, U+2028, U+2029) inserted anywhere outside the hashes of
 * a real log (the logs of {@code corpus/real} that name a single culprit) never loses the culprit
 * hash and never reaches a header of the rendered mail. That holds inside the opening words of the
 * records that state the result too ({@code revisions tested:}, {@code first bad commit: <hash>}):
 * the parser then takes the culprit from git's own {@code <hash> is the first bad commit} line.
 */
class ControlCharacterPropertiesTest {
    private static final Path REAL = Path.of("src/test/resources/corpus/real");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{40}");
    /** The lines whose text goes into headers: the crash title, the recipients, the author. */
    private static final Pattern HEADER_SOURCES = Pattern.compile("(?m)^(crash: |cc: |recipients \\(|Author: ).*$");
    /** The opening words of the result records, to the culprit's hash: positions drawn more often. */
    private static final Pattern RESULT_OPENING = Pattern.compile("(?m)^(revisions tested: |first bad commit: [0-9a-f]{40} )");
    private static final List<Character> CONTROLS = Stream.concat(
            IntStream.range(0, 0x20).boxed(), Stream.of(0x7f, 0x85, 0x2028, 0x2029)).map(c -> (char) c.intValue()).toList();
    private static final List<RealLog> LOGS = culpritLogs();
    private static final Culprit CULPRIT = new Culprit(CulpritConfig.defaults(), GoldenTest.CLOCK);
    private static final ConcurrentHashMap<Path, String> TEXTS = new ConcurrentHashMap<>();

    /** A real log with the culprit its expectation names. */
    record RealLog(Path file, String culprit) {
        String text() {
            return TEXTS.computeIfAbsent(file, f -> {
                try {
                    return Files.readString(f, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        @Override
        public String toString() {
            return file.getFileName().toString();
        }
    }

    private static List<RealLog> culpritLogs() {
        ObjectMapper json = new ObjectMapper();
        List<RealLog> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(REAL)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("Log_.*\\.txt")).sorted().toList()) {
                String name = f.getFileName().toString();
                JsonNode e = json.readTree(f.resolveSibling(name.substring(0, name.length() - 4) + ".expected.json").toFile());
                if (e.hasNonNull("culpritHash")) {
                    out.add(new RealLog(f, e.get("culpritHash").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Positions not strictly inside a 40-digit hash, half of them on the lines that name the culprit,
     * open the result records or give the text of a header.
     */
    private static Arbitrary<Integer> positions(RealLog log) {
        String text = log.text();
        List<int[]> hashes = new ArrayList<>();
        Matcher m = HASH.matcher(text);
        while (m.find()) {
            hashes.add(new int[] {m.start(), m.end()});
        }
        List<Integer> near = new ArrayList<>();
        Matcher opening = RESULT_OPENING.matcher(text);
        while (opening.find()) {
            for (int i = opening.start(); i <= opening.end(); i++) {
                near.add(i);
            }
        }
        Matcher header = HEADER_SOURCES.matcher(text);
        while (header.find()) {
            for (int i = header.start(); i <= header.end(); i++) {
                near.add(i);
            }
        }
        for (int at = text.indexOf(log.culprit()); at >= 0; at = text.indexOf(log.culprit(), at + 1)) {
            int from = text.lastIndexOf('\n', at) + 1;
            int to = text.indexOf('\n', at);
            for (int i = from; i <= (to < 0 ? text.length() : to); i++) {
                near.add(i);
            }
        }
        Arbitrary<Integer> anywhere = Arbitraries.integers().between(0, text.length());
        Arbitrary<Integer> position = near.isEmpty() ? anywhere
                : Arbitraries.oneOf(anywhere, Arbitraries.of(near));
        return position.filter(p -> hashes.stream().noneMatch(h -> p > h[0] && p < h[1]));
    }

    @Provide
    Arbitrary<Tuple3<RealLog, Integer, Character>> insertions() {
        return Arbitraries.of(LOGS).flatMap(log -> Combinators.combine(positions(log), Arbitraries.of(CONTROLS))
                .as((p, c) -> Tuple.of(log, p, c)));
    }

    @Property(tries = 2000)
    void aControlCharacterNeitherLosesTheCulpritNorReachesAHeader(@ForAll("insertions") Tuple3<RealLog, Integer, Character> t)
            throws Exception {
        RealLog log = t.get1();
        String text = log.text();
        int at = t.get2();
        char c = t.get3();
        String hostile = text.substring(0, at) + c + text.substring(at);
        PreparedMail mail = CULPRIT.pipeline().prepare(log.toString(), new StringReader(hostile), null);
        String where = String.format("U+%04X at %d of %s: %s", (int) c, at, log,
                text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)));
        assertThat(mail.report().culpritHash()).as(where).isEqualTo(log.culprit());
        String message = new String(mail.message(), StandardCharsets.UTF_8);
        String head = message.substring(0, message.indexOf("\r\n\r\n") + 2);
        assertThat(head.replace("\r\n", "").chars()).as(where).allMatch(ch -> ch >= 0x20 && ch < 0x7f);
        String unfolded = head.replaceAll("\r\n[ \t]", " ");
        for (String line : unfolded.split("\r\n")) {
            String decoded = MimeUtility.decodeText(line);
            assertThat(decoded.chars()).as("%s: %s", where, decoded).noneMatch(ch -> CONTROLS.contains((char) ch.intValue()));
        }
    }
}
