package io.exchangehub.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session a fixed time after it began, however active it stays. Spring Session only
 * knows the sliding idle timeout ({@code spring.session.timeout}); the absolute limit bounds how long a
 * stolen session cookie is worth anything. A session begins at {@code /auth/login}, moments before the
 * sign-in completes (which gives it a new id), so the limit counts from the sign-in.
 */
final class AbsoluteSessionTimeout extends OncePerRequestFilter {

    private final Duration limit;
    private final Clock clock;

    AbsoluteSessionTimeout(Duration limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > limit.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
