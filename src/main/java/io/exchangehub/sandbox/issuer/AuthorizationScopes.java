package io.exchangehub.sandbox.issuer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The scope of each authorization request, by the code it produced. Azure AD issues a code
 * redemption's token for the scope of the authorization request; RFC 6749 sends no scope with
 * the redemption, and Nimbus drops one, so the scope is remembered here. Unredeemed codes are
 * forgotten after the newest thousand.
 */
final class AuthorizationScopes {

    private static final int KEEP = 1000;

    private final Map<String, String> byCode = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEEP;
        }
    };

    synchronized void remember(String code, String scope) {
        byCode.put(code, scope);
    }

    synchronized String scopeOf(String code) {
        return code == null ? null : byCode.get(code);
    }

    synchronized void forget(String code) {
        if (code != null) {
            byCode.remove(code);
        }
    }
}
