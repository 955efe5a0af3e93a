package io.kubelite.model.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code metadata} of a list: the revision it was read at and where the next page starts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListMeta(String resourceVersion,
                       @JsonProperty("continue") String continueToken,
                       Long remainingItemCount) { }
