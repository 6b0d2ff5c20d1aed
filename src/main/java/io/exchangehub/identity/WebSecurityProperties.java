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
 * @param docsContentSecurityPolicy the policy of the API's browsable documentation ({@code /api/v1/docs/**}), a page
 *                              that runs the hub's own scripts and styles
 * @param maxBodySize           the largest request body of {@code /api/**} unless an access rule says otherwise
 */
@ConfigurationProperties("hub.web")
public record WebSecurityProperties(List<String> corsAllowedOrigins, List<String> frameAncestors,
        @DefaultValue("default-src 'none'; base-uri 'none'; form-action 'self'") String contentSecurityPolicy,
        @DefaultValue("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'") String docsContentSecurityPolicy,
        @DefaultValue("4MB") DataSize maxBodySize) {

    public WebSecurityProperties {
        corsAllowedOrigins = corsAllowedOrigins == null ? List.of() : List.copyOf(corsAllowedOrigins);
        frameAncestors = frameAncestors == null ? List.of() : List.copyOf(frameAncestors);
    }

    /** The full policy: the configured one plus {@code frame-ancestors} from the allow-list ({@code 'none'} when empty). */
    public String contentSecurityPolicyWithFrameAncestors() {
        return contentSecurityPolicy + frameAncestorsDirective();
    }

    /** The documentation's policy plus {@code frame-ancestors}. */
    public String docsContentSecurityPolicyWithFrameAncestors() {
        return docsContentSecurityPolicy + frameAncestorsDirective();
    }

    private String frameAncestorsDirective() {
        return "; frame-ancestors " + (frameAncestors.isEmpty() ? "'none'" : String.join(" ", frameAncestors));
    }
}
