package io.exchangehub.sandbox.graph;

import io.exchangehub.sandbox.store.StoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Every failure of a Graph handler in Graph's error shape: the face's own refusals, store
 * errors mapped to Graph's codes, and anything unexpected as a bare 500 (logged here without
 * the request, which may hold message content).
 */
@RestControllerAdvice(basePackageClasses = GraphExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GraphExceptionHandler.class);

    @ExceptionHandler(GraphException.class)
    void graph(GraphException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, e);
    }

    @ExceptionHandler(StoreException.class)
    void store(StoreException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, GraphErrors.of(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missingParameter(MissingServletRequestParameterException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(request, response, GraphException.badRequest("ErrorInvalidParameter",
                "The parameter '" + e.getParameterName() + "' is required."));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    void unreadable(HttpMessageNotReadableException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, JsonIn.unreadable());
    }

    @ExceptionHandler(TypeMismatchException.class)
    void typeMismatch(TypeMismatchException e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(request, response, GraphException.badRequest("BadRequest", "The value '" + e.getValue()
                + "' is not valid for its parameter."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    void method(HttpRequestMethodNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(request, response, new GraphException(405, "Request_BadRequest",
                "The HTTP method '" + e.getMethod() + "' is not supported on this resource."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    void mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        write(request, response, new GraphException(415, "UnsupportedMediaType", "The content type is not supported."));
    }

    @ExceptionHandler(Exception.class)
    void unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            // a client that stops reading a $value or a large answer is no failure of the face
            log.debug("Graph client went away during {} {}", request.getMethod(), request.getRequestURI());
            return;
        }
        log.error("Graph face failed on {} {}", request.getMethod(), request.getRequestURI(), e);
        write(request, response, new GraphException(500, "InternalServerError", "An internal server error occurred."));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, GraphException e) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        GraphErrors.write(request, response, e);
    }
}
