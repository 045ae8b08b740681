package dev.culprit.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Freezes the digest form: result keys, content hashes and reply identities are stored in it. */
class Sha256Test {
    @Test
    void hexIsTheLowerCaseHexOfTheStandardDigest() {
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex(new byte[0])).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void textIsDigestedAsUtf8() {
        String text = "h\u00e9\ud83d\udc27";
        assertThat(Sha256.hex(text))
                .isEqualTo("d8826e4d46a174bda44e1fe885c2ff181331b2b8a269f75e88edaef260b08ddf")
                .isEqualTo(Sha256.hex(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(HexFormat.of().formatHex(Sha256.digest(text))).isEqualTo(Sha256.hex(text));
    }
}
