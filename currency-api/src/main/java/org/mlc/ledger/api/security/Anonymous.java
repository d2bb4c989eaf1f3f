package org.mlc.ledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint or page anyone may call without an account, signed in or not: the public figures and
 * directory and the seals under {@code /api/v1/public} and {@code /public}, the applications and forgotten passwords
 * (POSTs under {@code /api/v1/public}, pages {@code /apply} and {@code /password}, limited per address). Instead of {@link Allowed}; only
 * under those paths (the filter chains let anonymous callers in there alone), and never for
 * anything naming a member.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Anonymous {
}
