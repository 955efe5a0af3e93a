package io.kubelite.model.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kubelite.model.meta.IntOrString;
import java.util.List;

/** A probe that sends an HTTP GET; a status from 200 to 399 is healthy. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HTTPGetAction(String path,
                            IntOrString port,
                            String host,
                            String scheme,
                            List<HTTPHeader> httpHeaders) { }
