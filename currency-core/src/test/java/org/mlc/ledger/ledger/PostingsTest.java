package org.mlc.ledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostingsTest {

    private static final LedgerAccount ISSUANCE = LedgerAccount.of("BOUSOL", LedgerAccountKind.ISSUANCE);
    private static final LedgerAccount IN_TRANSIT = LedgerAccount.of("BOUSOL", LedgerAccountKind.IN_TRANSIT);
    private static final LedgerAccount ALICE = LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, "acc-alice");
    private static final LedgerAccount BOB = LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT, "acc-bob");
    private static final LedgerAccount OUTSIDE = LedgerAccount.of("BOUSOL", LedgerAccountKind.OUTSIDE);
    private static final LedgerAccount COUNTER_CASH =
            LedgerAccount.of("BOUSOL", LedgerAccountKind.COUNTER_CASH, "counter-1");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aMoveTakesFromOneAccountAndGivesToTheOther() {
        Postings postings = Postings.builder().move(ISSUANCE, ALICE, 2100).build();

        assertThat(postings.lines()).containsExactly(new Posting(ISSUANCE, -2100), new Posting(ALICE, 2100));
        assertThat(postings.netOf(ISSUANCE)).isEqualTo(-2100);
        assertThat(postings.netOf(ALICE)).isEqualTo(2100);
        assertThat(postings.netOf(BOB)).isZero();
    }

    @Test
    void movesInBothBooksBalanceEachBookOnItsOwn() {
        Postings postings = Postings.builder()
                .move(OUTSIDE, COUNTER_CASH, 2000)
                .move(ISSUANCE, ALICE, 2100)
                .move(ALICE, IN_TRANSIT, 500)
                .build();

        assertThat(postings.lines()).hasSize(6);
        assertThat(postings.netOf(ALICE)).isEqualTo(1600);
        assertThat(postings.netOf(COUNTER_CASH)).isEqualTo(2000);
    }

    @Test
    void unbalancedPostingsAreRefused() {
        assertThatThrownBy(() -> Postings.of(List.of(new Posting(ISSUANCE, -2100), new Posting(ALICE, 2000))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MLC")
                .hasMessageContaining("-100");
        assertThatThrownBy(() -> Postings.of(List.of(new Posting(ALICE, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachBookMustBalanceEvenWhenTheGrandTotalIsZero() {
        // euros in, units out: zero in total, but value created in each book
        List<Posting> lines = List.of(new Posting(COUNTER_CASH, 2000), new Posting(ALICE, -2000));

        assertThatThrownBy(() -> Postings.of(lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("book");
    }

    @Test
    void aMoveStaysWithinOneBook() {
        assertThatThrownBy(() -> Postings.builder().move(COUNTER_CASH, ALICE, 2000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one book");
    }

    @Test
    void aMoveOfNothingWritesNothing() {
        assertThat(Postings.builder().move(ISSUANCE, ALICE, 0).build()).isEqualTo(Postings.none());
        assertThat(Postings.none().lines()).isEmpty();
    }

    @Test
    void aPostingOfZeroIsRefused() {
        assertThatThrownBy(() -> new Posting(ALICE, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Posting(null, 1)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void postingsCannotBeChangedAfterTheyAreBuilt() {
        List<Posting> lines = new ArrayList<>(List.of(new Posting(ISSUANCE, -100), new Posting(ALICE, 100)));
        Postings postings = Postings.of(lines);

        lines.add(new Posting(BOB, 1_000_000));

        assertThat(postings.lines()).hasSize(2);
        assertThatThrownBy(() -> postings.lines().add(new Posting(BOB, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aLedgerAccountIsWrittenBookCurrencyKindAndId() {
        assertThat(ALICE.code()).isEqualTo("MLC:BOUSOL:PARTICIPANT:acc-alice");
        assertThat(ISSUANCE.code()).isEqualTo("MLC:BOUSOL:ISSUANCE");
        assertThat(COUNTER_CASH.code()).isEqualTo("EUR:BOUSOL:COUNTER_CASH:counter-1");
        assertThat(OUTSIDE).hasToString("EUR:BOUSOL:OUTSIDE");
    }

    @ParameterizedTest
    @EnumSource(LedgerAccountKind.class)
    void everyKindOfLedgerAccountSurvivesItsCode(LedgerAccountKind kind) {
        LedgerAccount account = kind.identified()
                ? LedgerAccount.of("LAROUE", kind, "7d3f0c2e-1b7a-4c55-9a0e-3f1f2b6c8d90")
                : LedgerAccount.of("LAROUE", kind);

        assertThat(LedgerAccount.parse(account.code())).isEqualTo(account);
        assertThat(account.book()).isEqualTo(kind.book());
    }

    @Test
    void anIdMayItselfContainAColon() {
        LedgerAccount account = LedgerAccount.of("BOUSOL", LedgerAccountKind.SPONSOR_COMMITTED, "budget:2025");

        assertThat(LedgerAccount.parse(account.code())).isEqualTo(account);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "EUR:BOUSOL:PARTICIPANT:acc-1", // wrong book for the kind
            "MLC:BOUSOL:PARTICIPANT",       // needs an id
            "MLC:BOUSOL:ISSUANCE:x",        // takes no id
            "MLC:BOUSOL",
            "MLC",
            "",
            "MLC:BOUSOL:WALLET",
            "GBP:BOUSOL:OUTSIDE",
            "mlc:BOUSOL:ISSUANCE",
    })
    void malformedLedgerAccountCodesAreRefused(String code) {
        assertThatThrownBy(() -> LedgerAccount.parse(code)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void identifiedKindsNeedAnIdAndOthersTakeNone() {
        assertThatThrownBy(() -> LedgerAccount.of("BOUSOL", LedgerAccountKind.PARTICIPANT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an id");
        assertThatThrownBy(() -> LedgerAccount.of("BOUSOL", LedgerAccountKind.IN_TRANSIT, "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes no id");
    }

    @Test
    void aLedgerAccountIsAJsonString() throws Exception {
        String written = json.writeValueAsString(ALICE);

        assertThat(written).isEqualTo("\"MLC:BOUSOL:PARTICIPANT:acc-alice\"");
        assertThat(json.readValue(written, LedgerAccount.class)).isEqualTo(ALICE);
    }

    @Test
    void postingsAreAJsonArrayAndReadBackEqual() throws Exception {
        Postings postings = Postings.builder()
                .move(OUTSIDE, COUNTER_CASH, 2000)
                .move(ISSUANCE, ALICE, 2100)
                .build();

        String written = json.writeValueAsString(postings);

        assertThat(json.readTree(written).isArray()).isTrue();
        assertThat(written).startsWith("[{\"account\":\"EUR:BOUSOL:OUTSIDE\",\"amountMinor\":-2000}");
        assertThat(json.readValue(written, Postings.class)).isEqualTo(postings);
    }

    @Test
    void postingsInsideAnotherObjectReadBackEqual() throws Exception {
        Postings postings = Postings.builder().move(ALICE, IN_TRANSIT, 1250).build();
        Carrier carrier = new Carrier("t-1", postings);

        Carrier read = json.readValue(json.writeValueAsString(carrier), Carrier.class);

        assertThat(read).isEqualTo(carrier);
        assertThat(json.readValue("[]", Postings.class)).isEqualTo(Postings.none());
        assertThat(json.readValue("[]", new TypeReference<List<Posting>>() { })).isEmpty();
    }

    @Test
    void unbalancedPostingsCannotBeSmuggledInThroughJson() {
        String unbalanced = "[{\"account\":\"MLC:BOUSOL:ISSUANCE\",\"amountMinor\":-2100},"
                + "{\"account\":\"MLC:BOUSOL:PARTICIPANT:acc-alice\",\"amountMinor\":2200}]";

        assertThatThrownBy(() -> json.readValue(unbalanced, Postings.class))
                .isInstanceOf(JsonMappingException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMalformedLedgerAccountCannotBeSmuggledInThroughJson() {
        String bookMismatch = "[{\"account\":\"EUR:BOUSOL:ISSUANCE\",\"amountMinor\":-1},"
                + "{\"account\":\"MLC:BOUSOL:IN_TRANSIT\",\"amountMinor\":1}]";

        assertThatThrownBy(() -> json.readValue(bookMismatch, Postings.class))
                .isInstanceOf(JsonMappingException.class);
    }

    /** Like an event: postings as one of its fields. */
    record Carrier(String transferId, Postings postings) {
    }
}
