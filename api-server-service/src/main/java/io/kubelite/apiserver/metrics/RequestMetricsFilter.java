package io.kubelite.apiserver.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every API request into {@code kubelite_apiserver_request_duration_seconds} by verb, resource,
 * subresource and code. Watches last as long as the client wants, so they are counted in
 * {@code kubelite_apiserver_watch_requests_total} instead of polluting the latency histogram.
 */
@Component
class RequestMetricsFilter extends OncePerRequestFilter {

    private final MeterRegistry registry;

    RequestMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/apis"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            RequestInfo info = RequestInfo.of(request);
            if (request.isAsyncStarted()) {
                Counter.builder("kubelite.apiserver.watch.requests")
                        .description("Watch streams opened")
                        .tag("resource", info.resource())
                        .register(registry)
                        .increment();
            } else {
                Timer.builder("kubelite.apiserver.request.duration")
                        .description("Latency of API requests other than watches")
                        .tag("verb", info.verb())
                        .tag("resource", info.resource())
                        .tag("subresource", info.subresource())
                        .tag("code", Integer.toString(response.getStatus()))
                        .publishPercentileHistogram()
                        .register(registry)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }
}
