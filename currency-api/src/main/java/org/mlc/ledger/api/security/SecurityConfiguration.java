package org.mlc.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.mlc.ledger.api.web.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP Basic over bcrypt-hashed users stored in PostgreSQL. The API is stateless (no session, so
 * no CSRF token to carry). Open: {@code /actuator/health} and the OpenAPI description (the
 * contract is public; it holds no data). Under /api every request must be authenticated; what
 * each role may do is declared per endpoint ({@link Allowed}) and checked by
 * {@link AccessInterceptor}. Errors are problem+json like the rest. The back office pages (all
 * that is not the API, the health check or the API description) have their own chain: the same
 * users, a sign-in form, a session and CSRF tokens; their handlers carry {@link Allowed} too.
 * Sessions are Spring Session's, in PostgreSQL (shared by the nodes, ended by {@link UserSessions}
 * when a user changes), and each request of one checks its user again ({@link SessionUserCheck}).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration implements WebMvcConfigurer {

    /** bcrypt reads at most 72 bytes of a password; longer ones are refused rather than cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** Paths of the machine side (API, health, API description): everything else is a page. */
    private static final List<String> MACHINE_PATHS = List.of("/api/", "/actuator", "/v3/api-docs", "/swagger-ui");

    /** Pages anyone may load: the sign-in page and the static files it needs. */
    public static final List<String> OPEN_PAGES = List.of("/login", "/webjars/**", "/ui/**", "/favicon.ico");

    /**
     * The back office pages: the same users, roles and throttled password check as the API, but a
     * sign-in form and a session, so with CSRF protection on. Errors dispatched by the container
     * (whatever the page) stay with the API chain, which renders them as problem+json.
     */
    @Bean
    @Order(1)
    public SecurityFilterChain pages(HttpSecurity http, UserDetailsService users, PasswordEncoder encoder,
                                     LoginThrottle throttle, JdbcTemplate jdbc) throws Exception {
        // before the anonymous user is set: a session whose user changed goes on as no one, to /login
        http.addFilterBefore(new SessionUserCheck(jdbc), AnonymousAuthenticationFilter.class);
        http.securityMatcher(SecurityConfiguration::isPage)
                .authenticationManager(authentication(users, encoder, throttle, jdbc))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN_PAGES.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(new BackToSavedPage())
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + (e instanceof LoginThrottledException ? "/login?throttled" : "/login?error"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.deny())
                        // a link followed out of a page tells the other site our origin, never the page's path and ids
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'")));
        return http.build();
    }

    static boolean isPage(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return MACHINE_PATHS.stream().noneMatch(path::startsWith) && !"/api".equals(path);
    }

    private static ProviderManager authentication(UserDetailsService users, PasswordEncoder encoder,
                                                  LoginThrottle throttle, JdbcTemplate jdbc) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle, jdbc));
    }

    @Bean
    @Order(2)
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper, UserDetailsService users,
                                   PasswordEncoder encoder, LoginThrottle throttle, JdbcTemplate jdbc)
            throws Exception {
        http.authenticationManager(authentication(users, encoder, throttle, jdbc))
                .authorizeHttpRequests(auth -> auth
                        // errors raised before the API (rejected URLs, …) are rendered by /error
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // metrics name no person, but tell volumes: a monitoring user (AUDITOR) scrapes them
                        .requestMatchers("/actuator/prometheus").hasAnyRole(Role.ADMIN.name(), Role.AUDITOR.name())
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        // what an association publishes (its seals): each handler there is @Anonymous
                        .requestMatchers("/api/v1/public/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        unauthorized(request, response, objectMapper, e)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> unauthorized(request, response, objectMapper,
                                e))
                        .accessDeniedHandler((request, response, e) -> problem(request, response, objectMapper,
                                HttpStatus.FORBIDDEN, "forbidden", "web.user-may-not", "this user may not do this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor()).addPathPatterns("/api/**");
        // the pages answer to the same rule: @Allowed on every handler, deny by default
        registry.addInterceptor(new AccessInterceptor()).addPathPatterns("/**")
                .excludePathPatterns("/api/**", "/error", "/actuator/**", "/v3/**", "/swagger-ui/**", "/swagger-ui.html")
                .excludePathPatterns(OPEN_PAGES);
    }

    /**
     * bcrypt with its cost factor ({@code mlc.security.bcrypt-strength}, 10 by default; tests lower it),
     * behind a short memory of verified passwords ({@code mlc.security.verified-password-ttl-seconds},
     * 0 turns it off): without it every HTTP Basic request costs one bcrypt (see {@link VerifiedPasswords}).
     */
    @Bean
    public PasswordEncoder passwordEncoder(@Value("${mlc.security.bcrypt-strength:10}") int strength,
                                           @Value("${mlc.security.verified-password-ttl-seconds:60}") long ttlSeconds) {
        PasswordEncoder bcrypt = bcrypt(strength);
        return ttlSeconds <= 0 ? bcrypt : new VerifiedPasswords(bcrypt, Duration.ofSeconds(ttlSeconds));
    }

    private static PasswordEncoder bcrypt(int strength) {
        return new BCryptPasswordEncoder(strength) {
            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                // bcrypt cannot check more than 72 bytes: such a password is simply wrong
                if (rawPassword == null
                        || rawPassword.toString().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
                    return false;
                }
                return super.matches(rawPassword, encodedPassword);
            }
        };
    }

    @Bean
    public LoginThrottle loginThrottle(Clock clock,
                                       @Value("${mlc.login.free-failures:5}") int freeFailures,
                                       @Value("${mlc.login.base-delay-millis:1000}") long baseDelayMillis,
                                       @Value("${mlc.login.max-delay-millis:900000}") long maxDelayMillis) {
        return new LoginThrottle(clock, freeFailures, baseDelayMillis, maxDelayMillis);
    }

    @Bean
    public UserDetailsService users(JdbcTemplate jdbc) {
        return username -> jdbc.query("SELECT username, password_hash, role, enabled, participant_id, counter_id, "
                                + "credentials_version FROM app_user WHERE username = ?",
                        (rs, i) -> new LedgerUser(rs.getString("username"), rs.getString("password_hash"),
                                rs.getBoolean("enabled"), Role.valueOf(rs.getString("role")),
                                rs.getString("participant_id"), rs.getString("counter_id"),
                                rs.getLong("credentials_version")), username)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper,
                                     AuthenticationException e) throws IOException {
        if (e instanceof LoginThrottledException throttled) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, throttled.retryAfter().toSeconds() + 1)));
            problem(request, response, objectMapper, HttpStatus.TOO_MANY_REQUESTS, "login-throttled",
                    "web.login-throttled", "too many failed logins for this user; try again after the Retry-After delay");
            return;
        }
        var database = org.mlc.ledger.api.web.DatabaseFailures.classify(e);
        if (database.isPresent()) {
            // the users are in the database: while it cannot answer, nobody can be checked
            response.setHeader("Retry-After", String.valueOf(org.mlc.ledger.api.web.ProblemHandler.RETRY_AFTER_SECONDS));
            problem(request, response, objectMapper, HttpStatus.SERVICE_UNAVAILABLE, database.get(),
                    "web.database-unavailable-login", "the ledger's database is unavailable at the moment; try again later");
            return;
        }
        problem(request, response, objectMapper, HttpStatus.UNAUTHORIZED, "unauthorized", "web.unauthorized",
                "authentication is required");
    }

    private static void problem(HttpServletRequest request, HttpServletResponse response, ObjectMapper objectMapper,
                                HttpStatus status, String code, String key, String english) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"mlc-ledger\"");
        }
        Problems.write(request, response, objectMapper, status, code, Problems.words(key, english), null);
    }
}
