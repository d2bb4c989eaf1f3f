package org.mlc.ledger.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.money.InvalidAmountException;
import org.mlc.ledger.money.Money;

/**
 * Every refusal of the domain is translatable: it carries a key ({@code problem.<key>} in the API's
 * bundles), an English template and its arguments, typed. The one-string factories made words the
 * API could not translate nor name (a UUID where a member's name belongs); nothing may call them.
 */
class RefusalWordingTest {

    private static final JavaClasses DOMAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.mlc.ledger");

    @Test
    @SuppressWarnings("deprecation")
    void noRefusalOfTheDomainIsMadeWithoutAKey() {
        ArchRule rule = noClasses().that().doNotBelongToAnyOf(DomainException.class)
                .should().callMethod(DomainException.class, "refused", String.class, String.class)
                .orShould().callMethod(DomainException.class, "invalid", String.class)
                .orShould().callMethod(DomainException.class, "notFound", String.class)
                .orShould().callMethod(DomainException.class, "conflict", String.class, String.class)
                .orShould().callConstructor(DomainException.class, DomainException.Kind.class, String.class,
                        String.class)
                .because("a refusal without a key reaches a French page in English, with ids for names");
        rule.check(DOMAIN);
    }

    @Test
    void aRefusalCarriesItsKeyTemplateAndTypedArguments() {
        AccountId account = AccountId.of("acc-1");
        Money available = Money.of(51, "BOUSOL");
        DomainException refusal = DomainException.refused("insufficient-funds", "account.insufficient-funds",
                "account {0} holds {1} available, less than {2}", account, available, Money.of(1000, "BOUSOL"))
                .naming("amount");

        assertThat(refusal.wording().key()).isEqualTo("account.insufficient-funds");
        assertThat(refusal.wording().args()).containsExactly(account, available, Money.of(1000, "BOUSOL"));
        assertThat(refusal.getMessage()).isEqualTo("account acc-1 holds 0.51 BOUSOL available, less than 10.00 BOUSOL");
        assertThat(refusal.code()).isEqualTo("insufficient-funds");
        assertThat(refusal.field()).isEqualTo("amount");
    }

    @Test
    void anEnumArgumentReadsInLowerCaseInEnglishAndHasItsOwnKeyForTranslations() {
        DomainException refusal = DomainException.refused("account-frozen", "account.inactive.pay",
                "account {0} is {1} and cannot pay", AccountId.of("acc-1"), DomainException.Kind.NOT_FOUND);

        assertThat(refusal.getMessage()).isEqualTo("account acc-1 is not_found and cannot pay");
        assertThat(DomainException.Wording.valueKey(DomainException.Kind.NOT_FOUND))
                .isEqualTo("problem.value.Kind.NOT_FOUND");
    }

    @Test
    void aPlaceholderMayRepeatAndAnApostropheStaysAnApostrophe() {
        assertThat(DomainException.Wording.fill("between 1/{0} and {0} units, the CCAS's {1}", List.of("20", "x")))
                .isEqualTo("between 1/20 and 20 units, the CCAS's x");
    }

    @Test
    void aRefusalWithoutAKeyIsAProgrammingError() {
        assertThatThrownBy(() -> DomainException.invalid(null, "name is required"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new InvalidAmountException(null, "is required"))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anInvalidAmountIsTranslatableToo() {
        InvalidAmountException e = new InvalidAmountException("amount.above-maximum", "must not exceed {0}",
                new java.math.BigDecimal("100000000.00"));

        assertThat(e.getMessage()).isEqualTo("must not exceed 100000000.00");
        assertThat(e.wording().key()).isEqualTo("amount.above-maximum");
    }
}
