package io.kubelite.model.meta;

/** What every API object has: its type and its metadata. */
public interface KubernetesObject {

    String apiVersion();

    String kind();

    ObjectMeta metadata();
}
