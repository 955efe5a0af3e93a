package io.kubelite.model.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A list of objects in Kubernetes' shape ({@code kind: PodList}, {@code metadata}, {@code items}).
 *
 * @param <T> the type of the items
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemList<T>(String apiVersion, String kind, ListMeta metadata, List<T> items) { }
