package io.kubelite.apiserver.logs;

import io.kubelite.apiserver.resource.ApiQuery;
import io.kubelite.model.StatusException;
import java.util.List;

/**
 * The query of a pods/log request, as far as kube-lite serves it. Options it does not implement are
 * refused rather than ignored, so that a client never takes unfiltered output for what it asked.
 *
 * @param container the container to read; null to let the pod's only container be chosen
 * @param tailLines how many of the last lines to read; null for all
 * @param follow    keep the stream open and send new output as it comes
 */
public record PodLogOptions(String container, Long tailLines, boolean follow) {

    private static final List<String> UNSUPPORTED_FLAGS = List.of("timestamps", "previous");
    private static final List<String> UNSUPPORTED_VALUES = List.of("sinceSeconds", "sinceTime", "limitBytes");

    public static PodLogOptions from(ApiQuery query) {
        for (String flag : UNSUPPORTED_FLAGS) {
            if (query.bool(flag)) {
                throw unsupported(flag);
            }
        }
        for (String option : UNSUPPORTED_VALUES) {
            String value = query.value(option);
            if (value != null && !value.isEmpty()) {
                throw unsupported(option);
            }
        }
        return new PodLogOptions(query.container(), query.tailLines(), query.follow());
    }

    private static StatusException unsupported(String option) {
        return StatusException.badRequest("the log option " + option + " is not supported; "
                + "supported options are container, tailLines and follow");
    }
}
