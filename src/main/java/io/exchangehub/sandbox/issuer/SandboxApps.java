package io.exchangehub.sandbox.issuer;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * App registrations of the sandbox tenant: the hub (a confidential client: on-behalf-of,
 * client credentials, the BFF login) and a CRM frontend (a public client using PKCE).
 */
public final class SandboxApps {

    /** The published secret of the sandbox's hub registration: the sandbox is not a place for secrets. */
    public static final String HUB_SECRET = "sandbox-hub-secret";

    /**
     * One app registration.
     *
     * @param clientId     the application (client) id
     * @param clientSecret its secret, null for a public client
     * @param name         its display name
     */
    public record App(String clientId, String clientSecret, String name) {

        /** The service principal's object id, the {@code oid} of its app-only tokens. */
        public String servicePrincipalId() {
            return UUID.nameUUIDFromBytes(("sandbox-app:" + clientId).getBytes(StandardCharsets.UTF_8)).toString();
        }

        public boolean confidential() {
            return clientSecret != null;
        }

        /** Without the secret: a record's default would print it wherever the record is logged. */
        @Override
        public String toString() {
            return "App[clientId=" + clientId + ", name=" + name + ", confidential=" + confidential() + "]";
        }
    }

    private final List<App> apps;

    public SandboxApps(String hubClientId) {
        this.apps = List.of(new App(hubClientId, HUB_SECRET, "Exchange Hub"), new App("crm-frontend", null, "CRM frontend"));
    }

    public App byClientId(String clientId) {
        return apps.stream().filter(app -> app.clientId().equals(clientId)).findFirst().orElse(null);
    }

    public App hub() {
        return apps.get(0);
    }
}
