package io.kubelite.apiserver.logs;

import io.kubelite.apiserver.config.ApiServerProperties;
import io.kubelite.apiserver.error.StatusReasons;
import io.kubelite.model.Json;
import io.kubelite.model.Status;
import io.kubelite.model.StatusException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Serves pods/log by relaying the node agent's answer: its text is copied to the client as it arrives, one
 * flush per chunk read, so that a followed log shows each line at once. Until the agent has answered 200,
 * failures are Statuses; after that a failure on either side (the client gone, the agent's stream broken)
 * ends both connections. Each stream holds its request thread for as long as it lasts.
 */
@Component
public class PodLogs implements SmartLifecycle {

    /** Error answers of an agent are short Statuses; more than this is not read. */
    private static final int MAX_ERROR_BYTES = 64 * 1024;
    private static final int CHUNK_BYTES = 8192;

    private final LogLocations locations;
    private final HttpClient http;
    private final Duration responseTimeout;
    private final Set<InputStream> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    PodLogs(LogLocations locations, ApiServerProperties properties) {
        this.locations = locations;
        this.responseTimeout = properties.logs().responseTimeout();
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.logs().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Streams a container's log into the response, or throws the Status to answer instead. */
    public void stream(String namespace, String podName, PodLogOptions options, HttpServletResponse response) {
        if (!running) {
            throw StatusException.serviceUnavailable("the server is shutting down");
        }
        AgentLogLocation location = locations.locate(namespace, podName, options);
        HttpResponse<InputStream> answer = request(location);
        if (answer.statusCode() != 200) {
            throw agentFailure(location, answer.statusCode(), errorBody(answer.body()));
        }
        InputStream body = answer.body();
        open.add(body);
        try (body) {
            response.setStatus(200);
            response.setContentType(MediaType.TEXT_PLAIN_VALUE);
            // The headers go out at once: a follower knows the stream is open before the first line.
            response.flushBuffer();
            copy(body, response.getOutputStream());
        } catch (IOException e) {
            // The client went away, the agent's stream broke, or the server is stopping: both ends are closed.
        } finally {
            open.remove(body);
        }
    }

    private HttpResponse<InputStream> request(AgentLogLocation location) {
        HttpRequest request = HttpRequest.newBuilder(location.uri())
                .timeout(responseTimeout)
                .header("Accept", MediaType.TEXT_PLAIN_VALUE)
                .GET()
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw StatusException.serviceUnavailable("cannot reach the node agent of node \"" + location.nodeName()
                    + "\" at " + location.agent() + ": " + why(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw StatusException.serviceUnavailable("the server is shutting down");
        }
    }

    private static byte[] errorBody(InputStream body) {
        try (body) {
            return body.readNBytes(MAX_ERROR_BYTES);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        int read;
        while ((read = in.read(chunk)) >= 0) {
            out.write(chunk, 0, read);
            out.flush();
        }
    }

    private String why(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "no connection within " + http.connectTimeout().map(Duration::toString).orElse("the timeout");
        }
        if (e instanceof HttpTimeoutException) {
            return "no answer within " + responseTimeout;
        }
        if (e instanceof ConnectException && (e.getMessage() == null || e.getMessage().isEmpty())) {
            return "connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The agent's own Status when it sent one (404 when it does not have the container), with the agent's code;
     * an agent that fails by itself (5xx) makes the log unavailable: 503.
     */
    private static StatusException agentFailure(AgentLogLocation location, int code, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        Status status = agentStatus(text);
        String message = status != null && status.message() != null ? status.message() : text;
        if (code >= 500) {
            return StatusException.serviceUnavailable("the node agent of node \"" + location.nodeName() + "\" at "
                    + location.agent() + " failed (" + code + "): " + message);
        }
        if (status != null) {
            return new StatusException(Status.failure(code,
                    status.reason() != null ? status.reason() : StatusReasons.reasonFor(code), message, status.details()));
        }
        return new StatusException(StatusReasons.failure(code, message.isEmpty()
                ? "the node agent of node \"" + location.nodeName() + "\" answered " + code : message));
    }

    private static Status agentStatus(String text) {
        try {
            JsonNode json = Json.MAPPER.readTree(text);
            return "Status".equals(json.path("kind").asString("")) ? Json.MAPPER.treeToValue(json, Status.class) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream, so that graceful shutdown does not wait for followers. */
    @Override
    public void stop() {
        running = false;
        for (InputStream body : open) {
            try {
                body.close();
            } catch (IOException e) {
                // closing is all that is wanted; a failure to close leaves nothing else to do
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
