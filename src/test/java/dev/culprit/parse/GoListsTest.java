package dev.culprit.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GoListsTest {
    @Test
    void readsAnEmptyList() throws Exception {
        assertThat(GoLists.parseQuoted("[]")).isEmpty();
    }

    @Test
    void unquotesGoEscapes() throws Exception {
        assertThat(GoLists.parseQuoted("[\"a\\\"b@c.d\" \"x\\\\y@z\" \"\\xc3\\xa9@e.f\" \"\\u00e9@g.h\" \"ü@i.j\"]"))
                .containsExactly("a\"b@c.d", "x\\y@z", "é@e.f", "é@g.h", "ü@i.j");
    }

    @Test
    void rejectsAnUnterminatedListButKeepsWhatWasRead() {
        assertThatThrownBy(() -> GoLists.parseQuoted("[\"a@b.c\" \"d@"))
                .isInstanceOfSatisfying(GoLists.MalformedListException.class,
                        e -> assertThat(e.partial()).containsExactly("a@b.c"))
                .hasMessage("unterminated string literal");
    }

    @Test
    void rejectsTextAfterTheClosingBracket() {
        assertThatThrownBy(() -> GoLists.parseQuoted("[\"a@b.c\"] x")).hasMessage("text after the closing ']'");
    }

    @Test
    void splitsAPlainListOnSpaces() {
        assertThat(GoLists.parsePlain("[hang kasan  memleak]")).containsExactly("hang", "kasan", "memleak");
        assertThat(GoLists.parsePlain("hang")).isNull();
    }
}
