package io.kubelite.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.Yaml;

/** The objects of a rendered chart, looked up by kind and name, with paths into them. */
record Manifests(List<Map<String, Object>> objects) {

    static Manifests parse(String yaml) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            if (document != null) {
                objects.add(cast(document));
            }
        }
        return new Manifests(objects);
    }

    List<String> kindsAndNames() {
        return objects.stream().map(o -> o.get("kind") + "/" + at(o, "metadata.name")).toList();
    }

    Map<String, Object> get(String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(at(o, "metadata.name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name + " in " + kindsAndNames()));
    }

    /** The only container of a Deployment's or DaemonSet's pod template. */
    Map<String, Object> container(String kind, String name) {
        List<Map<String, Object>> containers = cast(at(get(kind, name), "spec.template.spec.containers"));
        if (containers.size() != 1) {
            throw new AssertionError(kind + "/" + name + " has " + containers.size() + " containers");
        }
        return containers.get(0);
    }

    /** The environment variable of that name in a container. */
    static Map<String, Object> env(Map<String, Object> container, String variable) {
        List<Map<String, Object>> env = cast(container.get("env"));
        return env.stream().filter(e -> variable.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + variable + " in " + env));
    }

    /** The value at a dotted path of maps, e.g. {@code spec.template.spec.containers}; null when missing. */
    static <T> T at(Map<String, Object> object, String path) {
        Object current = object;
        for (String key : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return cast(current);
    }

    @SuppressWarnings("unchecked")
    static <T> T cast(Object value) {
        return (T) value;
    }

    static Map<String, Object> yaml(String text) {
        return Objects.requireNonNullElse(new Yaml().load(text), Map.of());
    }
}
