package io.exchangehub.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.exchangehub.api.Problems;
import io.exchangehub.component.AccessTokenProvider;
import io.exchangehub.config.HubProperties;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** The identity layer's beans: token validation, the hub's tokens for Exchange, limits and the Camel beans. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IdentityProperties.class, MailboxProperties.class, RateLimitProperties.class,
        WebSecurityProperties.class})
class IdentityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

    @Bean
    AzureAd azureAd(HubProperties hub, IdentityProperties properties) {
        return AzureAd.of(hub.identity(), properties);
    }

    @Bean
    IssuerTrust issuerTrust(SslBundles bundles, IdentityProperties properties) {
        return new IssuerTrust(bundles, properties.sslBundle());
    }

    @Bean
    JWKSource<SecurityContext> issuerKeys(AzureAd azureAd, IdentityProperties properties, IssuerTrust trust) {
        return TokenValidation.keys(azureAd, properties.jwks(), trust.sslContext().getSocketFactory());
    }

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> issuerKeys, AzureAd azureAd, IdentityProperties properties) {
        return TokenValidation.accessTokenDecoder(issuerKeys, azureAd, properties);
    }

    /** ID tokens of the browser sign-in, checked against the same (cached) keys as access tokens. */
    @Bean
    JwtDecoderFactory<ClientRegistration> idTokenDecoderFactory(JWKSource<SecurityContext> issuerKeys, IdentityProperties properties) {
        return registration -> {
            NimbusJwtDecoder decoder = new NimbusJwtDecoder(TokenValidation.processor(issuerKeys));
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(new JwtTimestampValidator(properties.clockSkew()),
                    new OidcIdTokenValidator(registration)));
            return decoder;
        };
    }

    @Bean
    TokenCipher tokenCipher(IdentityProperties properties, HubProperties hub) {
        IdentityProperties.TokenCache cache = properties.tokenCache();
        if (cache.key() == null || cache.key().isBlank()) {
            if (!hub.sandbox()) {
                throw new IllegalStateException("hub.identity.token-cache.key (HUB_IDENTITY_TOKENCACHE_KEY) is required in production");
            }
            log.info("Sandbox mode: tokens and sessions in Redis are encrypted with a key generated for this process");
            return TokenCipher.generated();
        }
        return new TokenCipher(cache.key(), cache.previousKeys());
    }

    /** Spring Session's serializer: the browser sessions (and the tokens they hold) are encrypted in Redis. */
    @Bean
    @Qualifier("springSessionDefaultRedisSerializer")
    RedisSerializer<Object> springSessionDefaultRedisSerializer(TokenCipher cipher) {
        return new EncryptingRedisSerializer(cipher);
    }

    @Bean
    ExchangeTokens exchangeTokens(AzureAd azureAd, HubProperties hub, IdentityProperties properties, IssuerTrust trust,
            StringRedisTemplate redis, TokenCipher cipher) {
        return new ExchangeTokens(azureAd, hub, properties, trust, redis, cipher);
    }

    /** Tokens for the {@code ews:} component's consumers, by mailbox. */
    @Bean
    AccessTokenProvider ewsAccessTokenProvider(ExchangeTokens tokens) {
        return mailbox -> tokens.forMailbox(ExchangeTokens.Backend.EWS, mailbox);
    }

    /** Tokens for the {@code msgraph:} component's consumers, by mailbox. */
    @Bean
    AccessTokenProvider msGraphAccessTokenProvider(ExchangeTokens tokens) {
        return mailbox -> tokens.forMailbox(ExchangeTokens.Backend.MS_GRAPH, mailbox);
    }

    @Bean
    CallerHeaders callerHeaders() {
        return new CallerHeaders();
    }

    @Bean
    DelegatedTokenHeaders delegatedTokens(ExchangeTokens tokens) {
        return new DelegatedTokenHeaders(tokens);
    }

    @Bean
    AccessRules accessRules(IdentityProperties properties) {
        return new AccessRules(properties.access());
    }

    @Bean
    MailboxAccess mailboxAccess(MailboxProperties properties) {
        return new MailboxAccess(properties);
    }

    @Bean
    ProblemResponses problemResponses(Problems problems) {
        return new ProblemResponses(problems);
    }

    @Bean
    RateLimiter rateLimiter(RedisConnectionFactory connections, RateLimitProperties properties, HubProperties hub) {
        LettuceConnectionFactory lettuce = (LettuceConnectionFactory) connections;
        return new RateLimiter(lettuce::getNativeClient, properties, hub.redisKeyPrefix());
    }

    static List<String> sessionScopes(AzureAd azureAd) {
        return List.of("openid", "profile", "offline_access", azureAd.apiScope());
    }

    static Duration issuerTimeout(IdentityProperties properties) {
        return properties.jwks().timeout().multipliedBy(2);
    }
}
