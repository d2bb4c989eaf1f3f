package org.mlc.ledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint of the platform, not of a currency (creating a currency, the platform's health):
 * refused (403) to every caller bound to a currency, whatever its {@link Allowed} lists. Only the
 * platform's ADMIN, and an AUDITOR of the whole platform where listed, pass.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Platform {
}
