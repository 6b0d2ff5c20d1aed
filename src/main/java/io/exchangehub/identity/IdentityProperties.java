package io.exchangehub.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the hub checks the tokens it receives and gets the ones it sends, under {@code hub.identity.*}
 * (beside {@code tenant-id}, {@code authority}, {@code client-id}, {@code client-secret} and
 * {@code api-audience}, which {@link io.exchangehub.config.HubProperties} holds). docs/identity.md
 * describes every setting.
 *
 * @param issuer           the {@code iss} tokens must carry; {@code {tenantid}} stands for the token's own
 *                         {@code tid}; default: the authority followed by {@code v2.0}
 * @param jwksUri          where the issuer publishes its signing keys; default: the authority followed by
 *                         {@code discovery/v2.0/keys}
 * @param allowedTenants   the tenants ({@code tid}) whose tokens are accepted; default: the hub's own tenant
 * @param clockSkew        tolerance on {@code exp} and {@code nbf}; at most 60 s
 * @param maxTokenSize     a longer bearer token is refused before it is parsed
 * @param sslBundle        the Spring Boot SSL bundle whose trust material reaches the issuer (JWKS, token
 *                         endpoint, msal4j); default: the JVM's trust store
 * @param instanceDiscovery whether msal4j asks Azure AD to validate the authority (off for issuers that are
 *                         not Azure AD, such as the sandbox's)
 * @param jwks             caching of the issuer's keys
 * @param tokenCache       the encrypted cache of delegated and app-only tokens in Redis
 * @param session          the browser session (BFF)
 * @param appOnly          backends the hub reaches with its own app-only token when no user is present
 * @param access           the access rules of {@code /api/**}, first match wins; an operation no rule covers is denied
 */
@ConfigurationProperties("hub.identity")
public record IdentityProperties(
        String issuer,
        URI jwksUri,
        List<String> allowedTenants,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("8KB") DataSize maxTokenSize,
        String sslBundle,
        @DefaultValue("true") boolean instanceDiscovery,
        @DefaultValue Jwks jwks,
        @DefaultValue TokenCache tokenCache,
        @DefaultValue Session session,
        @DefaultValue AppOnly appOnly,
        List<AccessRule> access) {

    /** RFC 7519 allows "a few minutes"; the hub's contract is at most one. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    public IdentityProperties {
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("hub.identity.clock-skew must be between 0 and 60s, not " + clockSkew);
        }
        allowedTenants = allowedTenants == null ? List.of() : List.copyOf(allowedTenants);
        access = access == null ? List.of() : List.copyOf(access);
    }

    /**
     * @param cacheTimeToLive    how long fetched keys are used before they are fetched again
     * @param refreshMinInterval the shortest time between two fetches, however many tokens name an unknown key
     * @param timeout            connect and read timeout of a fetch
     */
    public record Jwks(@DefaultValue("15m") Duration cacheTimeToLive, @DefaultValue("30s") Duration refreshMinInterval,
            @DefaultValue("5s") Duration timeout) {}

    /**
     * @param key          the current AES-256 key as {@code <key id>:<base64 key>}, from the environment only;
     *                     new values are encrypted with it
     * @param previousKeys older keys in the same form, still read so that keys can rotate
     * @param timeToLive   how long an unused cache entry stays in Redis
     */
    public record TokenCache(String key, List<String> previousKeys, @DefaultValue("24h") Duration timeToLive) {

        public TokenCache {
            previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
        }

        /** Without the keys: a record's default would print them wherever the settings are logged. */
        @Override
        public String toString() {
            return "TokenCache[key=" + (key == null ? "null" : "******") + ", previousKeys=" + previousKeys.size()
                    + ", timeToLive=" + timeToLive + "]";
        }
    }

    /**
     * @param absoluteTimeout   a session ends this long after sign-in, however active it is (the idle timeout is
     *                          {@code spring.session.timeout})
     * @param postLoginRedirect where the browser goes after signing in
     * @param csrfCookieName    the double-submit CSRF cookie the frontend echoes in {@code X-XSRF-TOKEN}
     */
    public record Session(@DefaultValue("8h") Duration absoluteTimeout, @DefaultValue("/") String postLoginRedirect,
            @DefaultValue("__Host-XSRF-TOKEN") String csrfCookieName) {}

    /**
     * @param ews   reach EWS with the hub's own token (application permission {@code full_access_as_app})
     * @param graph reach Graph with the hub's own token (application permissions)
     */
    public record AppOnly(boolean ews, boolean graph) {}

    /**
     * One access rule of {@code /api/**}.
     *
     * @param name        names the operation class in audit lines
     * @param methods     HTTP methods it covers; empty: all
     * @param paths       path patterns ({@code /api/v1/mail/**}, {@code /api/v1/mail/messages/*}/send)
     * @param access      {@code public}, {@code authenticated} or {@code scoped}
     * @param scopes      for {@code scoped}: delegated scopes, any one of which grants access
     * @param roles       for {@code scoped}: app roles, any one of which grants access to an app-only token
     * @param rateClass   the rate-limit class ({@code hub.rate-limit.classes.<name>}); default {@code read}
     *                    for GET and HEAD, else {@code write}
     * @param maxBodySize the largest request body; default {@code hub.web.max-body-size}
     */
    public record AccessRule(String name, List<String> methods, List<String> paths, @DefaultValue("scoped") Access access,
            List<String> scopes, List<String> roles, String rateClass, DataSize maxBodySize) {

        public AccessRule {
            methods = methods == null ? List.of() : methods.stream().map(String::toUpperCase).toList();
            paths = paths == null ? List.of() : List.copyOf(paths);
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }

    /** What an access rule asks of the caller. */
    public enum Access {
        /** Nobody needs to authenticate (the API index, Graph change notifications). */
        PUBLIC,
        /** Any valid token or session. */
        AUTHENTICATED,
        /** A valid token or session with one of the rule's scopes (users) or roles (apps). */
        SCOPED
    }
}
