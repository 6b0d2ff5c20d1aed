package io.exchangehub.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What every response says about itself and who may embed or call the hub from a browser, under {@code hub.web.*}.
 *
 * @param corsAllowedOrigins    origins allowed to call the API cross-origin; none by default (the CRM is served
 *                              from the hub's own origin)
 * @param frameAncestors        origins allowed to frame the hub (the CRM's); none by default
 * @param contentSecurityPolicy the policy of every response, before {@code frame-ancestors} is added
 * @param maxBodySize           the largest request body of {@code /api/**} unless an access rule says otherwise
 */
@ConfigurationProperties("hub.web")
public record WebSecurityProperties(List<String> corsAllowedOrigins, List<String> frameAncestors,
        @DefaultValue("default-src 'none'; base-uri 'none'; form-action 'self'") String contentSecurityPolicy,
        @DefaultValue("4MB") DataSize maxBodySize) {

    public WebSecurityProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
    }

    /** The full policy: the configured one plus {@code frame-ancestors} from the allow-list ({@code 'none'} when empty). */
    public String contentSecurityPolicyWithFrameAncestors() {
        String ancestors = frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors);
        return contentSecurityPolicy + "; frame-ancestors " + ancestors;
    }
}
