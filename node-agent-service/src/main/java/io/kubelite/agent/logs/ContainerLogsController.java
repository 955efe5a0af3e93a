package io.kubelite.agent.logs;

import io.kubelite.agent.pod.PodCache;
import io.kubelite.agent.runtime.ContainerRuntime;
import io.kubelite.agent.runtime.LogOptions;
import io.kubelite.agent.runtime.RuntimeContainer;
import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import io.kubelite.model.Status;
import io.kubelite.model.StatusException;
import io.kubelite.model.core.Pod;
import java.util.Comparator;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The kubelet's {@code /containerLogs/{namespace}/{pod}/{container}}: a container's output as plain text, from its
 * latest run, streamed from the runtime. The API server's {@code pods/{name}/log} fetches it here, at the node's
 * InternalIP and {@code daemonEndpoints.kubeletEndpoint.Port}.
 */
@RestController
class ContainerLogsController {

    private final PodCache pods;
    private final ContainerRuntime runtime;

    ContainerLogsController(PodCache pods, ContainerRuntime runtime) {
        this.pods = pods;
        this.runtime = runtime;
    }

    @GetMapping("/containerLogs/{namespace}/{pod}/{container}")
    ResponseEntity<StreamingResponseBody> logs(@PathVariable String namespace, @PathVariable("pod") String podName,
                                               @PathVariable String container,
                                               @RequestParam(required = false) Integer tailLines,
                                               @RequestParam(defaultValue = "false") boolean follow) {
        if (tailLines != null && tailLines < 0) {
            throw StatusException.badRequest("tailLines must be 0 or more, not " + tailLines);
        }
        Pod pod = pods.get(namespace, podName);
        if (pod == null) {
            throw StatusException.notFound(ResourceKind.POD, podName);
        }
        if (pod.spec().containers().stream().noneMatch(c -> c.name().equals(container))) {
            throw new StatusException(Status.failure(404, "NotFound", "container " + container
                    + " is not valid for pod " + podName, Status.Details.of(ResourceKind.POD, podName)));
        }
        RuntimeContainer latest = runtime.containers(Set.of(pod.spec().nodeName())).stream()
                .filter(c -> c.pod().uid().equals(pod.metadata().uid()) && c.containerName().equals(container))
                .max(Comparator.comparingInt(RuntimeContainer::attempt))
                .orElseThrow(() -> StatusException.badRequest("container \"" + container + "\" in pod \"" + podName
                        + "\" is waiting to start"));
        LogOptions options = new LogOptions(tailLines, follow);
        StreamingResponseBody body = out -> runtime.logs(latest.id(), options, out);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(body);
    }

    @ExceptionHandler(StatusException.class)
    ResponseEntity<String> failed(StatusException e) {
        return ResponseEntity.status(e.code()).contentType(MediaType.APPLICATION_JSON)
                .body(Json.MAPPER.writeValueAsString(e.status()));
    }
}
