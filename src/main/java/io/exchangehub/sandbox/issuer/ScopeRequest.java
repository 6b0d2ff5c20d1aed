package io.exchangehub.sandbox.issuer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A token request's {@code scope} parameter read the way Azure AD v2 reads it: every scope
 * names one API (by prefix, or Graph when bare); {@code .default} means every permission
 * consented for that API; scopes of two APIs in one request are refused.
 *
 * @param resource    the one API asked for
 * @param permissions the delegated scopes or app roles granted
 */
record ScopeRequest(SandboxResources.Resource resource, List<String> permissions) {

    static ScopeRequest parse(String scope, SandboxResources resources, boolean appOnly) {
        SandboxResources.Resource resource = null;
        Set<String> permissions = new LinkedHashSet<>();
        for (String item : scope == null ? new String[0] : scope.trim().split("\\s+")) {
            if (item.isEmpty() || SandboxResources.OIDC_SCOPES.contains(item)) {
                continue;
            }
            int slash = item.lastIndexOf('/');
            String audience = slash > 0 ? item.substring(0, slash) : resources.defaultResource().audience();
            String permission = slash > 0 ? item.substring(slash + 1) : item;
            SandboxResources.Resource named = resources.byAudience(audience);
            if (named == null) {
                throw new IssuerException("invalid_resource", 500011,
                        "The resource principal named " + audience + " was not found in the tenant.");
            }
            if (resource != null && resource != named) {
                throw new IssuerException("invalid_scope", 28000,
                        "Provided value for the input parameter scope is not valid because it contains more than one resource.");
            }
            resource = named;
            if (permission.equals(".default")) {
                permissions.addAll(appOnly ? named.appRoles() : named.delegated());
            } else if (appOnly) {
                throw new IssuerException("invalid_scope", 1002012,
                        "The provided value for scope " + item + " is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
            } else if (named.delegated().contains(permission)) {
                permissions.add(permission);
            } else {
                throw new IssuerException("invalid_scope", 65001,
                        "The user or administrator has not consented to use the application with ID for scope " + item + ".");
            }
        }
        if (resource == null && !appOnly && scope != null && !scope.isBlank()) {
            // only OpenID scopes: Azure AD issues a Graph token for the user's profile
            return new ScopeRequest(resources.defaultResource(), List.of("User.Read"));
        }
        if (resource == null) {
            throw new IssuerException("invalid_scope", 70011, "The provided request must include a 'scope' input parameter.");
        }
        return new ScopeRequest(resource, new ArrayList<>(permissions));
    }
}
