package io.exchangehub.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /auth/me}: who is signed in, for a frontend that holds no tokens; with a browser session it
 * also hands out the CSRF token (and sets its cookie) that state-changing requests must echo in
 * {@code X-XSRF-TOKEN}. {@code /auth/login}, {@code /auth/callback} and {@code /auth/logout} are Spring
 * Security's own endpoints (see {@link SecurityConfiguration}).
 */
@RestController
class AuthController {

    @GetMapping(path = "/auth/me", produces = "application/json")
    ResponseEntity<Map<String, Object>> me(Authentication authentication, HttpServletRequest request) {
        CallerContext caller = CallerContext.of(((JwtAuthenticationToken) authentication).getToken(), SessionTokens.isSession(request));
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("objectId", caller.objectId());
        me.put("upn", caller.upn());
        me.put("name", caller.name());
        me.put("tenantId", caller.tenantId());
        me.put("authenticatedBy", caller.session() ? "session" : "bearer");
        me.put("scopes", new TreeSet<>(caller.scopes()));
        me.put("expiresAt", caller.token().getExpiresAt());
        if (caller.session() && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            me.put("csrf", Map.of("headerName", csrf.getHeaderName(), "token", csrf.getToken()));
        }
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(me);
    }
}
