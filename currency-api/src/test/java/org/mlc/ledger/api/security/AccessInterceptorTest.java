package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.web.ApiException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

class AccessInterceptorTest {

    static class Handlers {
        public void noRule() {
        }

        @Allowed({Role.ADMIN, Role.AUDITOR})
        public void adminsAndAuditors() {
        }
    }

    // no currency to resolve here: unbound callers, refused or reading, never reach the resolvers
    private final AccessInterceptor interceptor = new AccessInterceptor(null);

    @AfterEach
    void logout() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEndpointWithoutARuleIsRefusedEvenToTheAdministrator() throws Exception {
        as(Role.ADMIN);
        assertThatThrownBy(() -> interceptor.preHandle(request("GET"), new MockHttpServletResponse(),
                handler("noRule"))).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.status().value()).isEqualTo(403));
    }

    @Test
    void anAuditorNeverWritesWhateverTheRuleSays() throws Exception {
        as(Role.AUDITOR);
        assertThat(interceptor.preHandle(request("GET"), new MockHttpServletResponse(),
                handler("adminsAndAuditors"))).isTrue();
        assertThatThrownBy(() -> interceptor.preHandle(request("POST"), new MockHttpServletResponse(),
                handler("adminsAndAuditors"))).isInstanceOf(ApiException.class);
    }

    @Test
    void aRoleNotListedIsRefused() {
        as(Role.MEMBER);
        assertThatThrownBy(() -> interceptor.preHandle(request("GET"), new MockHttpServletResponse(),
                handler("adminsAndAuditors"))).isInstanceOf(ApiException.class);
    }

    private static void as(Role role) {
        LedgerUser user = new LedgerUser("someone", "x", true, role, null, null, null, 0);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    private static MockHttpServletRequest request(String method) {
        return new MockHttpServletRequest(method, "/api/v1/x");
    }

    private static HandlerMethod handler(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Handlers(), Handlers.class.getMethod(name));
    }
}
