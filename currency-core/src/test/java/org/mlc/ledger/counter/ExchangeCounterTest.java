package org.mlc.ledger.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.DomainExceptions.domainException;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException.Kind;

class ExchangeCounterTest {

    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final CounterId COUNTER = CounterId.of("counter-1");
    private static final CurrencyCode BOUSOL = CurrencyCode.of("BOUSOL");

    private FixtureConfiguration<ExchangeCounter> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ExchangeCounter.class);
    }

    @Test
    void definesACounterForOneCurrencyWithAnEmptyDrawer() {
        fixture.givenNoPriorActivity()
                .when(new DefineCounter(COUNTER, "Office de tourisme", BOUSOL, null, T0))
                .expectEvents(new CounterDefined(COUNTER, "Office de tourisme", BOUSOL, null, T0))
                .expectState(counter -> {
                    assertThat(counter.id()).isEqualTo(COUNTER);
                    assertThat(counter.currency()).isEqualTo(BOUSOL);
                    assertThat(counter.expectedCashMinor()).isZero();
                });
    }

    @Test
    void aCounterMayBeHostedByAMerchantAndItsNameIsTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new DefineCounter(COUNTER, "  Librairie du Port  ", BOUSOL, "merchant-42", T0))
                .expectEvents(new CounterDefined(COUNTER, "Librairie du Port", BOUSOL, "merchant-42", T0));
    }

    @Test
    void refusesAMissingOrTooLongName() {
        for (String name : new String[] {null, "", " \t ", "n".repeat(ExchangeCounter.MAX_NAME_LENGTH + 1)}) {
            fixture = new AggregateTestFixture<>(ExchangeCounter.class);
            fixture.givenNoPriorActivity()
                    .when(new DefineCounter(COUNTER, name, BOUSOL, null, T0))
                    .expectException(domainException(Kind.INVALID, "validation"))
                    .expectNoEvents();
        }
    }

    @Test
    void refusesATooLongHost() {
        fixture.givenNoPriorActivity()
                .when(new DefineCounter(COUNTER, "Comptoir", BOUSOL,
                        "h".repeat(ExchangeCounter.MAX_NAME_LENGTH + 1), T0))
                .expectException(domainException(Kind.INVALID, "validation"))
                .expectNoEvents();
    }
}
