package io.kubelite.apiserver.error;

import io.kubelite.apiserver.web.JsonResponses;
import io.kubelite.model.StatusException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/** Turns every failure into a Kubernetes Status; bad input never becomes a 500. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /**
     * How long a client should wait before retrying a 503, as Kubernetes says in a Retry-After header:
     * a store that is shutting down is back (or replaced) after a restart, which takes seconds.
     */
    static final String RETRY_AFTER_SECONDS = "5";

    @ExceptionHandler(StatusException.class)
    ResponseEntity<byte[]> statusException(StatusException e) {
        ResponseEntity<byte[]> response = JsonResponses.status(e.status());
        if (e.code() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(response.getBody());
    }

    /** Spring MVC's own failures: unknown path, wrong method, wrong content type, missing parameter... */
    private static ResponseEntity<byte[]> springError(ErrorResponse e) {
        int code = e.getStatusCode().value();
        if (code == 404) {
            return JsonResponses.status(StatusReasons.pathNotFound());
        }
        String detail = e.getBody().getDetail();
        return JsonResponses.status(StatusReasons.failure(code, detail != null ? detail : e.getStatusCode().toString()));
    }

    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<byte[]> typeMismatch(TypeMismatchException e) {
        return JsonResponses.status(StatusReasons.failure(400,
                "invalid value " + e.getValue() + " for " + e.getPropertyName()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<byte[]> unreadableBody(HttpMessageNotReadableException e) {
        return JsonResponses.status(StatusReasons.failure(400, "the request body could not be read"));
    }

    @ExceptionHandler(TaskRejectedException.class)
    ResponseEntity<byte[]> overloaded(TaskRejectedException e) {
        return JsonResponses.status(StatusReasons.failure(429, "too many requests, please try again later"));
    }

    /** The client went away while we were answering: nobody is left to tell. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone() {
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse springError) {
            return springError(springError);
        }
        log.error("{} {} failed: {}", request.getMethod(), request.getRequestURI(), e.toString());
        log.debug("Stack trace of the failure above", e);
        return JsonResponses.status(StatusReasons.failure(500, "an internal error occurred"));
    }
}
