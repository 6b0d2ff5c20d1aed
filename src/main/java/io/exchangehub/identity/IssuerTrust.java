package io.exchangehub.identity;

import java.security.NoSuchAlgorithmException;
import javax.net.ssl.SSLContext;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The TLS trust every call to the issuer uses (JWKS, token endpoint, msal4j): the SSL bundle named by
 * {@code hub.identity.ssl-bundle} (the sandbox registers one for its self-signed issuer), else the JVM's.
 */
final class IssuerTrust {

    private final SslBundle bundle;
    private final SSLContext context;

    IssuerTrust(SslBundles bundles, String bundleName) {
        this.bundle = bundleName == null || bundleName.isBlank() ? null : bundles.getBundle(bundleName);
        try {
            this.context = bundle != null ? bundle.createSslContext() : SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No default TLS context", e);
        }
    }

    SSLContext sslContext() {
        return context;
    }

    /** A request factory for Spring's HTTP clients with this trust and the given timeouts. */
    ClientHttpRequestFactory requestFactory(java.time.Duration timeout) {
        ClientHttpRequestFactorySettings settings = ClientHttpRequestFactorySettings.defaults()
                .withConnectTimeout(timeout).withReadTimeout(timeout);
        if (bundle != null) {
            settings = settings.withSslBundle(bundle);
        }
        return ClientHttpRequestFactoryBuilder.jdk().build(settings);
    }
}
