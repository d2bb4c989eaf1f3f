package org.mlc.ledger.api.transparency;

import org.mlc.ledger.api.security.SecurityConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The public figures and directory, API and pages, are rate-limited per client address. */
@Configuration(proxyBeanMethods = false)
class PublicWebConfiguration implements WebMvcConfigurer {

    private final PublicRateLimit rateLimit;

    PublicWebConfiguration(PublicRateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(rateLimit).addPathPatterns(SecurityConfiguration.PUBLIC_API,
                SecurityConfiguration.PUBLIC_PAGES);
    }
}
