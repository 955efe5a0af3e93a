package io.kubelite.apiserver.error;

import io.kubelite.model.Json;
import io.kubelite.model.Status;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error page, for requests it rejects before they reach the application (a malformed
 * URL, say), written as a Status instead of an HTML page.
 */
public class StatusErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        Status status = code == 404
                ? StatusReasons.pathNotFound()
                : StatusReasons.failure(code, code >= 500 ? "an internal error occurred" : "the request could not be understood");
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(Json.MAPPER.writeValueAsString(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response already committed: nothing more can be said
        }
    }
}
