package io.kubelite.apiserver.error;

import io.kubelite.apiserver.web.JsonResponses;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors that never reach a controller (rejected by the servlet container, or thrown
 * by a filter) with a Status too, instead of Spring Boot's default error body.
 */
@Hidden
@RestController
class StatusErrorController implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    ResponseEntity<byte[]> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (!(code instanceof Integer status) || status < 400 || status == 404) {
            return JsonResponses.status(StatusReasons.pathNotFound());
        }
        String message = status >= 500 ? "an internal error occurred" : "the request could not be served";
        return JsonResponses.status(StatusReasons.failure(status, message));
    }
}
