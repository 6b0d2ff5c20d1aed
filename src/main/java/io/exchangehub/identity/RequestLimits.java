package io.exchangehub.identity;

import io.exchangehub.api.ApiException;
import io.exchangehub.api.Problems;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The limits of an authenticated {@code /api/**} request, after authentication and before
 * authorization: the caller's budget of the operation's rate class ({@code RateLimit-*} headers on every
 * answer, 429 with {@code Retry-After} when it is spent) and the size of the request body (413 when the
 * declared length is over the operation's limit; a body without a declared length is cut off at the limit).
 */
final class RequestLimits extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLimits.class);

    private final AccessRules rules;
    private final RateLimiter limiter;
    private final DataSize defaultMaxBody;
    private final ProblemResponses problems;

    RequestLimits(AccessRules rules, RateLimiter limiter, DataSize defaultMaxBody, ProblemResponses problems) {
        this.rules = rules;
        this.limiter = limiter;
        this.defaultMaxBody = defaultMaxBody;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        AccessRules.Rule rule = rules.match(request);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (rule == null || rule.access() == IdentityProperties.Access.PUBLIC || !(authentication instanceof JwtAuthenticationToken token)) {
            chain.doFilter(request, response);
            return;
        }
        if (!withinBudget(request, response, rule, CallerContext.of(token.getToken(), false).key())) {
            return;
        }
        long maxBody = rule.maxBodySize(defaultMaxBody).toBytes();
        if (request.getContentLengthLong() > maxBody) {
            problems.write(request, response, Problems.Kind.PAYLOAD_TOO_LARGE,
                    "The request body is over the " + DataSize.ofBytes(maxBody).toKilobytes() + " KB this operation accepts.", Map.of());
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new LimitedBody(request, maxBody) : request, response);
    }

    private boolean withinBudget(HttpServletRequest request, HttpServletResponse response, AccessRules.Rule rule, String callerKey)
            throws IOException {
        String rateClass = rule.rateClass(request.getMethod());
        Optional<RateLimitProperties.Budget> budget = limiter.budget(rateClass);
        if (budget.isEmpty()) {
            return true;
        }
        ConsumptionProbe probe;
        try {
            probe = limiter.consume(rateClass, budget.get(), callerKey);
        } catch (RuntimeException e) {
            // the budget protects Exchange from one user; refusing everyone while Redis is away would be worse
            log.warn("Rate limit not applied: Redis did not answer ({})", e.getClass().getSimpleName());
            return true;
        }
        response.setHeader("RateLimit-Limit", Long.toString(budget.get().capacity()));
        response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        response.setHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (probe.isConsumed()) {
            return true;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        response.setHeader("Retry-After", Long.toString(retryAfter));
        problems.write(request, response, Problems.Kind.THROTTLED, "The " + rateClass + " budget of " + budget.get().capacity()
                + " requests per " + budget.get().period().toSeconds() + " s is spent; retry after " + retryAfter + " s.", Map.of());
        return false;
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    /** A body without a declared length, cut off with a 413 problem once it exceeds the limit. */
    static final class LimitedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public synchronized ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public java.io.BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), encoding));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                // an ApiException, so that the route's error handling answers with the problem of its kind
                throw new ApiException(Problems.Kind.PAYLOAD_TOO_LARGE, "The request body is over the "
                        + DataSize.ofBytes(limit).toKilobytes() + " KB this operation accepts.");
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
