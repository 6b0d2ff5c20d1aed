package io.exchangehub.sandbox.issuer;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Verifies the bearer tokens the sandbox's EWS and Graph faces receive, as those services do:
 * RS256 signature by the sandbox issuer, issuer, audience (the face's own resource), and
 * lifetime with five minutes of clock skew.
 */
public final class SandboxTokenVerifier {

    private static final Duration SKEW = Duration.ofMinutes(5);

    private final SandboxIssuer issuer;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;

    public SandboxTokenVerifier(SandboxIssuer issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(issuer.publicKeys())));
        // lifetime, issuer and audience are checked below, each with its own answer
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /**
     * @param authorization the {@code Authorization} header
     * @param audience      the audience the face requires
     */
    public SandboxCaller verify(String authorization, String audience) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MISSING, "The request has no bearer token.");
        }
        String token = authorization.substring(7).trim();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "The token is malformed.");
        } catch (BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.BAD_SIGNATURE, "The token signature is not valid.");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null || claims.getExpirationTime().toInstant().plus(SKEW).isBefore(now)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.EXPIRED, "The token has expired.");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(SKEW).isAfter(now)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.NOT_YET_VALID, "The token is not yet valid.");
        }
        if (!issuer.issuer().equals(claims.getIssuer())) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_ISSUER, "The token issuer is not trusted.");
        }
        List<String> audiences = claims.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.WRONG_AUDIENCE, "The audience claim value is invalid.");
        }
        try {
            String scp = claims.getStringClaim("scp");
            List<String> roles = claims.getStringListClaim("roles");
            boolean appOnly = scp == null;
            String upn = appOnly ? null : firstNonNull(claims.getStringClaim("preferred_username"), claims.getStringClaim("upn"));
            Set<String> scopes = scp == null ? Set.of() : new LinkedHashSet<>(Arrays.asList(scp.trim().split("\\s+")));
            return new SandboxCaller(upn, claims.getStringClaim("oid"), claims.getStringClaim("azp"), appOnly, scopes,
                    roles == null ? Set.of() : Set.copyOf(roles));
        } catch (ParseException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "The token claims are malformed.");
        }
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
