package org.mlc.ledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an API endpoint or open a page. Deny by default: a handler without
 * this annotation answers 403 to everyone (and SecurityMatrixTest fails naming it). The roles
 * listed pass the door only: each feature's policy class then checks the resource itself (whose
 * account, which counter). An AUDITOR never passes on anything but GET, whatever is listed.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allowed {

    Role[] value();
}
