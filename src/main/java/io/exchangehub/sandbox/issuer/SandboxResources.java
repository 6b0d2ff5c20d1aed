package io.exchangehub.sandbox.issuer;

import io.exchangehub.sandbox.SandboxProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The APIs the sandbox tenant knows, as Azure AD's service principals: each has an audience
 * and the delegated scopes ({@code scp}) and application roles ({@code roles}) it grants the
 * hub's app registration, as if an administrator had consented to all of them.
 */
public final class SandboxResources {

    /**
     * One API.
     *
     * @param audience  the {@code aud} of its tokens and the prefix of its scopes
     * @param delegated the scopes a user's token may carry
     * @param appRoles  the roles an app-only token carries
     */
    public record Resource(String audience, List<String> delegated, List<String> appRoles) {}

    /** Scopes that ask for an ID token or a refresh token rather than an API. */
    static final List<String> OIDC_SCOPES = List.of("openid", "profile", "email", "offline_access");

    private final Map<String, Resource> byAudience = new LinkedHashMap<>();
    private final Resource graph;

    public SandboxResources(SandboxProperties properties) {
        add(new Resource(properties.apiAudience(),
                List.of("access_as_user", "Mail.Read", "Mail.ReadWrite", "Mail.Send", "Calendars.Read", "Calendars.ReadWrite",
                        "Contacts.Read", "Contacts.ReadWrite"),
                List.of("Mail.Read.All", "Mail.ReadWrite.All", "Mail.Send.All", "Calendars.ReadWrite.All", "Contacts.ReadWrite.All")));
        add(new Resource(properties.ewsAudience(), List.of("EWS.AccessAsUser.All"), List.of("full_access_as_app")));
        graph = add(new Resource(properties.graphAudience(),
                List.of("User.Read", "Mail.ReadWrite", "Mail.ReadWrite.Shared", "Mail.Send", "Mail.Send.Shared",
                        "Calendars.ReadWrite", "Calendars.ReadWrite.Shared", "Contacts.ReadWrite", "Contacts.ReadWrite.Shared",
                        "MailboxSettings.Read"),
                List.of("Mail.ReadWrite", "Mail.Send", "Calendars.ReadWrite", "Contacts.ReadWrite", "User.Read.All")));
    }

    private Resource add(Resource resource) {
        byAudience.put(resource.audience(), resource);
        return resource;
    }

    public Resource byAudience(String audience) {
        return byAudience.get(audience);
    }

    /** Azure AD's rule: a scope without a resource prefix is a Microsoft Graph scope. */
    public Resource defaultResource() {
        return graph;
    }
}
