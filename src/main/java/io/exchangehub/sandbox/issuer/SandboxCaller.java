package io.exchangehub.sandbox.issuer;

import java.util.Set;

/**
 * Who is calling a sandbox face, from a verified token.
 *
 * @param upn      the user's sign-in name (delegated tokens), null for app-only tokens
 * @param objectId the user's or the app's object id
 * @param appId    the client the token was issued to
 * @param appOnly  whether it is an app-only (client credentials) token
 * @param scopes   delegated scopes ({@code scp})
 * @param roles    app roles ({@code roles})
 */
public record SandboxCaller(String upn, String objectId, String appId, boolean appOnly, Set<String> scopes, Set<String> roles) {

    public boolean has(String permission) {
        return scopes.contains(permission) || roles.contains(permission);
    }
}
