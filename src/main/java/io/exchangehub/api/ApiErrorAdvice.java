package io.exchangehub.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors Spring MVC raises before a route runs (no such path, wrong method, unreadable body,
 * unsupported media type) as problem details with the hub's stable types, like the routes' own.
 */
@ControllerAdvice
class ApiErrorAdvice extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Problems.Kind kind = kindOf(statusCode.value());
            problem.setType(kind.type());
            problem.setTitle(kind.title());
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    static Problems.Kind kindOf(int status) {
        for (Problems.Kind kind : Problems.Kind.values()) {
            if (kind.status() == status) {
                return kind;
            }
        }
        return status >= 500 ? Problems.Kind.INTERNAL : Problems.Kind.VALIDATION;
    }
}
