package org.mlc.ledger.api.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a handler (or its controller) whose answer does not need the views to show every change
 * committed before it: it reads nothing they hold that can still change (an account's currency and
 * owner never do), or it shows the lag itself. {@link ViewCatchUp} lets it through without waiting.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ViewsMayLag {
}
