package io.kubelite.apiserver.metrics;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * What an API request was, in Kubernetes terms, as the metrics label it.
 *
 * @param verb        get, list, watch, create, update, patch or delete
 * @param resource    the plural resource name; empty when the path named none we serve
 * @param subresource status, scale or empty
 */
public record RequestInfo(String verb, String resource, String subresource) {

    private static final String ATTRIBUTE = RequestInfo.class.getName();

    /** Called by the handler once it knows what the request is. */
    public static void record(HttpServletRequest request, String verb, String resource, String subresource) {
        request.setAttribute(ATTRIBUTE, new RequestInfo(verb, resource, subresource));
    }

    static RequestInfo of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof RequestInfo info
                ? info
                : new RequestInfo(request.getMethod().toLowerCase(Locale.ROOT), "", "");
    }
}
