package org.mlc.ledger.api.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Short references: six readable characters from an id, and the id's first digits back to find it. */
class ShortReferenceTest {

    @Test
    void aReferenceIsTheKindAndSixCharactersOfTheIdsFirstBits() {
        assertThat(ShortReference.of('C', "00000000-0000-0000-0000-000000000000")).isEqualTo("C-000000");
        assertThat(ShortReference.of('C', "ffffffff-0000-0000-0000-000000000000")).isEqualTo("C-ZZZZZZ");
        // 0x3a5f0c27 >>> 2 = 0x0e97c309: 00111 01001 01111 10000 11000 01001
        assertThat(ShortReference.of('Z', "3a5f0c27-1111-2222-3333-444455556666")).isEqualTo("Z-79FGR9");
        assertThat(ShortReference.of('C', "not-a-uuid")).isEqualTo("not-a-uuid");
    }

    @Test
    void theReferenceGivesBackTheIdsFirstDigitsWhateverTheCaseOrMisreading() {
        for (int i = 0; i < 200; i++) {
            String id = UUID.randomUUID().toString();
            String reference = ShortReference.of('C', id);
            assertThat(ShortReference.hexPrefix('C', reference)).contains(id.substring(0, 7));
            assertThat(ShortReference.hexPrefix('C', reference.toLowerCase())).contains(id.substring(0, 7));
            assertThat(ShortReference.normalized('C', " " + reference.toLowerCase() + " ")).isEqualTo(reference);
        }
        assertThat(ShortReference.hexPrefix('C', "c-oo0ll1")).isEqualTo(ShortReference.hexPrefix('C', "C-000111"));
    }

    @Test
    void somethingElseIsNoReference() {
        assertThat(ShortReference.hexPrefix('C', "Z-000000")).isEmpty();
        assertThat(ShortReference.hexPrefix('C', "C-00000")).isEmpty();
        assertThat(ShortReference.hexPrefix('C', "C-0000000")).isEmpty();
        assertThat(ShortReference.hexPrefix('C', "C-0000U0")).isEmpty();
        assertThat(ShortReference.hexPrefix('C', "'; DROP")).isEmpty();
        assertThat(ShortReference.hexPrefix('C', null)).isEmpty();
        assertThat(ShortReference.normalized('C', "nothing")).isNull();
    }
}
