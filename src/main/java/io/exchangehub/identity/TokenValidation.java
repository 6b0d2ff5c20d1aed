package io.exchangehub.identity;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLSocketFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenErrorCodes;

/**
 * Builds the decoders that check every token the hub receives: RS256 signatures against the issuer's
 * keys, then {@code iss}, {@code aud}, {@code tid}, {@code exp} and {@code nbf} with at most 60 s skew.
 *
 * <p>The keys come from Nimbus's {@link JWKSourceBuilder}, configured rather than left to Spring's
 * builder, which turns Nimbus's rate limit off: keys are cached, a token naming an unknown {@code kid}
 * makes the source fetch them again (the issuer rotated them), and those fetches are rate-limited, so a
 * flood of forged {@code kid}s cannot turn into a flood of requests to the issuer. {@code jku}, {@code x5u}
 * and embedded keys in the header are never followed: keys come only from the configured JWKS URI.
 */
final class TokenValidation {

    private static final int JWKS_SIZE_LIMIT = 256 * 1024;

    private TokenValidation() {}

    static JWKSource<SecurityContext> keys(AzureAd azureAd, IdentityProperties.Jwks jwks, SSLSocketFactory tls) {
        int timeout = (int) jwks.timeout().toMillis();
        DefaultResourceRetriever retriever = new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT, true, tls);
        try {
            JWKSource<SecurityContext> source = JWKSourceBuilder.create(azureAd.jwksUri().toURL(), retriever)
                    .cache(jwks.cacheTimeToLive().toMillis(), jwks.timeout().toMillis())
                    .refreshAheadCache(false)
                    .rateLimited(jwks.refreshMinInterval().toMillis())
                    .retrying(true)
                    .build();
            return (selector, context) -> {
                try {
                    return source.get(selector, context);
                } catch (RateLimitReachedException e) {
                    // the keys were fetched a moment ago and still lack this kid: no such key, the token is
                    // refused (401) rather than the request failing as if the issuer were down
                    return List.of();
                }
            };
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("hub.identity.jwks-uri is not a URL: " + azureAd.jwksUri(), e);
        }
    }

    /** The decoder of access tokens for the hub's API. */
    static JwtDecoder accessTokenDecoder(JWKSource<SecurityContext> keys, AzureAd azureAd, IdentityProperties properties) {
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor(keys));
        decoder.setJwtValidator(accessTokenValidator(azureAd, properties));
        return decoder;
    }

    static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // the claims are checked by Spring Security's validators, each with its own error
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor;
    }

    static OAuth2TokenValidator<Jwt> accessTokenValidator(AzureAd azureAd, IdentityProperties properties) {
        List<String> audiences = azureAd.audiences();
        return new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new JwtTimestampValidator(properties.clockSkew()),
                new JwtClaimValidator<String>("tid", azureAd.allowedTenants()::contains),
                jwt -> azureAd.issuerFor(jwt.getClaimAsString("tid")).equals(jwt.getClaimAsString(JwtClaimNames.ISS))
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(invalid("The iss claim is not valid")),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(BearerTokenErrorCodes.INVALID_TOKEN, description, "https://tools.ietf.org/html/rfc6750#section-3.1");
    }
}
