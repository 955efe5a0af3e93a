package io.kubelite.apiserver.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.StatusException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    @Test
    void aServiceUnavailableStatusIsA503WithRetryAfter() {
        ResponseEntity<byte[]> response = handler.statusException(
                StatusException.serviceUnavailable("The object store is shut down; the write was not made"));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(ApiExceptionHandler.RETRY_AFTER_SECONDS);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode status = Json.MAPPER.readTree(response.getBody());
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("code").asInt()).isEqualTo(503);
        assertThat(status.path("reason").asString()).isEqualTo("ServiceUnavailable");
        assertThat(status.path("message").asString()).isEqualTo("The object store is shut down; the write was not made");
    }

    @Test
    void otherStatusesKeepTheirCodeAndHaveNoRetryAfter() {
        ResponseEntity<byte[]> response = handler.statusException(StatusException.notFound(ResourceKind.POD, "gone"));

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
        assertThat(Json.MAPPER.readTree(response.getBody()).path("reason").asString()).isEqualTo("NotFound");
    }
}
