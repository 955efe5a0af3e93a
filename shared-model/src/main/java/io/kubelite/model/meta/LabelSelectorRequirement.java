package io.kubelite.model.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One {@code matchExpressions} entry; {@code operator} is In, NotIn, Exists or DoesNotExist. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelSelectorRequirement(String key, String operator, List<String> values) { }
