package io.exchangehub.sandbox;

import io.exchangehub.sandbox.issuer.IssuerException;
import io.exchangehub.sandbox.issuer.SandboxIssuer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/token} with form fields {@code user} and optional {@code scope}: a token
 * the sandbox issuer signs for that user, for scripts and the README tour. The default scope is
 * the hub's API; the EWS or Graph scope from {@code /sandbox/info} gives a token for those faces.
 * Errors use the OAuth error shape, as a token endpoint's do.
 */
@RestController
class SandboxTokenController {

    private final SandboxIssuer issuer;
    private final SandboxProperties properties;

    SandboxTokenController(SandboxIssuer issuer, SandboxProperties properties) {
        this.issuer = issuer;
        this.properties = properties;
    }

    @PostMapping(path = "/sandbox/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> token(@RequestParam(name = "user", required = false) String user,
            @RequestParam(name = "scope", required = false) String scope) {
        if (user == null || user.isBlank()) {
            return ResponseEntity.badRequest().body(Map.of("error", "invalid_request",
                    "error_description", "The form field 'user' (a sandbox user's address) is required."));
        }
        try {
            SandboxIssuer.IssuedToken token = issuer.issueFor(user.strip(),
                    scope == null || scope.isBlank() ? properties.apiAudience() + "/.default" : scope);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("access_token", token.accessToken());
            body.put("token_type", "Bearer");
            body.put("expires_in", token.expiresIn());
            body.put("scope", token.scope());
            return ResponseEntity.ok().header("Cache-Control", "no-store").body(body);
        } catch (IssuerException e) {
            return ResponseEntity.badRequest().body(Map.of("error", e.error(), "error_description", e.description()));
        }
    }
}
