package io.exchangehub.sandbox.graph;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Any other path below the service root: Graph's answer to a segment it does not know. */
@RestController
class FallbackController {

    @RequestMapping({GraphInterceptor.ROOT, GraphInterceptor.ROOT + "/**"})
    void unknown(HttpServletRequest request) {
        String path = request.getRequestURI();
        String segment = path.substring(path.lastIndexOf('/') + 1);
        throw GraphException.badRequest("BadRequest", "Resource not found for the segment '" + segment + "'.");
    }
}
