package org.mlc.ledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler keeps to the caller's currency itself ({@link Caller#currencyOr}): a list of the
 * currencies, participants, counters, users or audit entries that names no currency in its
 * request. Without this mark, a request whose currency cannot be resolved from what it names is
 * refused (403) to a CURRENCY_ADMIN and to an AUDITOR bound to a currency (docs/security.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CallerCurrency {
}
