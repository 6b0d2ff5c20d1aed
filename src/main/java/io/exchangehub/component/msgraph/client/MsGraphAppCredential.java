package io.exchangehub.component.msgraph.client;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.MsalException;
import com.microsoft.aad.msal4j.MsalServiceException;
import io.exchangehub.model.BackendUnavailableException;
import io.exchangehub.model.UnauthorizedException;
import java.net.MalformedURLException;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLSocketFactory;

/**
 * An app-only token of the hub's own registration (client credentials through msal4j), for
 * exchanges that bring no user token. msal4j keeps the token and renews it before it expires.
 */
public final class MsGraphAppCredential {

    private final ConfidentialClientApplication app;
    private final ClientCredentialParameters parameters;

    /**
     * @param clientId     the app registration
     * @param clientSecret its secret
     * @param authority    the token authority, {@code https://login.microsoftonline.com/<tenant>/}
     * @param scope        the resource's {@code .default} scope
     * @param ssl          the socket factory for the authority (a private CA), or null for the JVM's
     */
    public MsGraphAppCredential(String clientId, String clientSecret, String authority, String scope, SSLSocketFactory ssl) {
        try {
            ConfidentialClientApplication.Builder builder = ConfidentialClientApplication
                    .builder(clientId, ClientCredentialFactory.createFromSecret(clientSecret))
                    .authority(authority)
                    // the authority is the operator's setting; it need not be one of Microsoft's known clouds
                    .instanceDiscovery(false)
                    .validateAuthority(false);
            if (ssl != null) {
                builder.sslSocketFactory(ssl);
            }
            this.app = builder.build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("The authority of the msgraph: app credential is not a URL", e);
        }
        this.parameters = ClientCredentialParameters.builder(Set.of(scope)).build();
    }

    /** A valid app-only token. */
    public String token() {
        try {
            return app.acquireToken(parameters).get(30, TimeUnit.SECONDS).accessToken();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof MsalServiceException refused) {
                throw new UnauthorizedException("The token authority refused the app credential.", refused.errorCode(), null);
            }
            if (e.getCause() instanceof MsalException failed) {
                throw new BackendUnavailableException("The token authority could not be reached.", failed.errorCode(), null);
            }
            throw new BackendUnavailableException("The token authority could not be reached.", null, null);
        } catch (TimeoutException e) {
            throw new BackendUnavailableException("The token authority did not answer in time.", null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailableException("Interrupted while asking for an app token.", null, null);
        }
    }
}
