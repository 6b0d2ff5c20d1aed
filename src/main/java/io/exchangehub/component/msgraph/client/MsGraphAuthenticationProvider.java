package io.exchangehub.component.msgraph.client;

import com.microsoft.kiota.RequestInformation;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.AuthenticationProvider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Puts the bearer token of the request's {@link MsGraphCall} on requests to the allowed hosts.
 *
 * <p>Not the SDK's {@code BaseBearerTokenAuthenticationProvider}: its token provider sees only
 * the URL, not the request, so one SDK client could serve only one token. This provider keeps its
 * rules: no token to a host outside the allowed list (the SDK's {@link AllowedHostsValidator},
 * filled from the configured base URL, not Graph's public hosts, or the sandbox would get none),
 * none over plain http except to the local machine, and none on requests that carry no call
 * (upload-session chunks, whose URL holds its own authority).
 */
final class MsGraphAuthenticationProvider implements AuthenticationProvider {

    private static final String AUTHORIZATION = "Authorization";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    private final AllowedHostsValidator allowedHosts;

    MsGraphAuthenticationProvider(Set<String> hosts) {
        this.allowedHosts = new AllowedHostsValidator(hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toArray(String[]::new));
    }

    @Override
    public void authenticateRequest(RequestInformation request, Map<String, Object> additionalAuthenticationContext) {
        MsGraphCall call = MsGraphCall.of(request);
        if (call == null || request.headers.containsKey(AUTHORIZATION)) {
            return;
        }
        URI uri;
        try {
            uri = request.getUri();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The request URL is not valid", e);
        }
        if (uri.getHost() == null || !allowedHosts.isUrlHostValid(uri)) {
            return;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !LOCAL_HOSTS.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            return;
        }
        request.headers.add(AUTHORIZATION, "Bearer " + call.token());
    }
}
