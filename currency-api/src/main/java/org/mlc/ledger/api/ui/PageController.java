package org.mlc.ledger.api.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Controller;

/**
 * A controller of back office pages (HTML, form sign-in, session and CSRF), as opposed to the
 * REST controllers under /api. Its handlers carry {@code @Allowed} like the API's (deny by
 * default); its errors are rendered as pages by {@link PageAdvice}; PageSecurityTest walks them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Controller
public @interface PageController {
}
