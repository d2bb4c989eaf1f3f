package org.mlc.ledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint or page anyone may call, signed in or not (an application, a forgotten password):
 * it takes the place of {@link Allowed}. Under /api such endpoints live under /api/v1/public/,
 * where an anonymous POST is limited per client address (web/AnonymousPostLimit).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Anonymous {
}
