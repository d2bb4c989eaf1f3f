package org.mlc.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.mlc.ledger.common.DomainException;

/** Checks that a command was refused for the stated reason, in fixtures (Hamcrest) and in plain tests. */
public final class DomainExceptions {

    private DomainExceptions() {
    }

    /** For {@code expectException(...)} of the Axon fixtures. */
    public static Matcher<DomainException> domainException(DomainException.Kind kind, String code) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DomainException e) {
                return e.kind() == kind && code.equals(e.code());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a DomainException " + kind + " with code " + code);
            }

            @Override
            protected void describeMismatchSafely(DomainException e, Description description) {
                description.appendText("was " + e.kind() + " " + e.code() + ": " + e.getMessage());
            }
        };
    }

    public static void assertRefused(ThrowingCallable action, DomainException.Kind kind, String code) {
        assertThatThrownBy(action)
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.kind()).as("kind of " + e.getMessage()).isEqualTo(kind);
                    assertThat(e.code()).as("code of " + e.getMessage()).isEqualTo(code);
                });
    }
}
