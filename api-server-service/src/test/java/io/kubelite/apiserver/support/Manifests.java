package io.kubelite.apiserver.support;

import io.kubelite.model.Json;
import io.kubelite.model.ResourceKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.node.ObjectNode;

/** Small valid objects of every kind, and the documentation manifests from the test resources. */
public final class Manifests {

    private Manifests() { }

    public static ObjectNode of(ResourceKind kind, String name) {
        return switch (kind) {
            case NAMESPACE -> namespace(name);
            case NODE -> node(name);
            case POD -> pod(name);
            case EVENT -> event(name);
            case DEPLOYMENT -> workload(kind, name, 2);
            case REPLICASET -> workload(kind, name, 2);
        };
    }

    public static ObjectNode namespace(String name) {
        return base(ResourceKind.NAMESPACE, name);
    }

    public static ObjectNode node(String name) {
        ObjectNode object = base(ResourceKind.NODE, name);
        ObjectNode capacity = object.putObject("status").putObject("capacity");
        capacity.put("cpu", "4");
        capacity.put("memory", "8Gi");
        capacity.put("pods", "110");
        return object;
    }

    public static ObjectNode pod(String name) {
        ObjectNode object = base(ResourceKind.POD, name);
        object.withObject("/metadata").putObject("labels").put("app", "web");
        ObjectNode container = object.putObject("spec").putArray("containers").addObject();
        container.put("name", "web");
        container.put("image", "nginx:1.14.2");
        return object;
    }

    public static ObjectNode event(String name) {
        ObjectNode object = base(ResourceKind.EVENT, name);
        ObjectNode involved = object.putObject("involvedObject");
        involved.put("kind", "Pod");
        involved.put("name", "web");
        involved.put("namespace", "default");
        object.put("reason", "Scheduled");
        object.put("message", "assigned");
        object.put("type", "Normal");
        return object;
    }

    public static ObjectNode workload(ResourceKind kind, String name, int replicas) {
        ObjectNode object = base(kind, name);
        ObjectNode spec = object.putObject("spec");
        spec.put("replicas", replicas);
        spec.putObject("selector").putObject("matchLabels").put("app", name);
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app", name);
        ObjectNode container = template.putObject("spec").putArray("containers").addObject();
        container.put("name", "web");
        container.put("image", "nginx:1.14.2");
        return object;
    }

    /** A JSON file under src/test/resources/manifests. */
    public static ObjectNode resource(String file) {
        try (InputStream in = Manifests.class.getResourceAsStream("/manifests/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no manifest " + file);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode base(ResourceKind kind, String name) {
        ObjectNode object = Json.MAPPER.createObjectNode();
        object.put("apiVersion", kind.apiVersion());
        object.put("kind", kind.kind());
        object.putObject("metadata").put("name", name);
        return object;
    }

    /** The collection path of a kind, in namespace {@code default} when namespaced. */
    public static String collection(ResourceKind kind) {
        return collection(kind, "default");
    }

    public static String collection(ResourceKind kind, String namespace) {
        String prefix = kind.group().isEmpty() ? "/api/v1" : "/apis/" + kind.group() + "/v1";
        return prefix + (kind.namespaced() ? "/namespaces/" + namespace : "") + "/" + kind.plural();
    }
}
