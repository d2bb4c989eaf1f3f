package org.mlc.ledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.mlc.ledger.api.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic over bcrypt-hashed users stored in PostgreSQL. The API is stateless (no session, so
 * no CSRF token to carry); {@code /actuator/health} is open. Errors are problem+json like the rest.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public SecurityFilterChain api(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/**").hasRole("ADMIN")
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, objectMapper, HttpStatus.UNAUTHORIZED, "unauthorized",
                                "authentication is required")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(response, objectMapper,
                                HttpStatus.UNAUTHORIZED, "unauthorized", "authentication is required"))
                        .accessDeniedHandler((request, response, e) -> problem(response, objectMapper,
                                HttpStatus.FORBIDDEN, "forbidden", "this user may not do this")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .headers(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public UserDetailsService users(JdbcTemplate jdbc) {
        return username -> jdbc.query("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?",
                        (rs, i) -> User.withUsername(rs.getString("username"))
                                .password(rs.getString("password_hash"))
                                .roles(rs.getString("role"))
                                .disabled(!rs.getBoolean("enabled"))
                                .build(), username)
                .stream().findFirst()
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private static void problem(HttpServletResponse response, ObjectMapper objectMapper, HttpStatus status,
                                String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"mlc-ledger\"");
        }
        objectMapper.writeValue(response.getOutputStream(), Problems.of(status, code, detail, null));
    }
}
