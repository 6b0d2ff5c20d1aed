package io.exchangehub.api;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.Exchange;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The servlet request an exchange of the REST API came from, for what the filters before Camel settled on it. */
public final class HttpRequests {

    private HttpRequests() {}

    /**
     * The exchange's HTTP request: the one platform-http's message carries, else the request the servlet
     * thread is serving (platform-http runs a route on it), else null.
     */
    public static HttpServletRequest of(Exchange exchange) {
        if (exchange.getMessage() instanceof PlatformHttpMessage http && http.getRequest() != null) {
            return http.getRequest();
        }
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
