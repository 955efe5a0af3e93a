package io.kubelite.apiserver.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Times every API request into {@code kubelite_apiserver_request_duration_seconds} by verb, resource,
 * subresource and code. Watches last as long as the client wants, so they are counted in
 * {@code kubelite_apiserver_watch_requests_total} instead of polluting the latency histogram.
 *
 * <p>The meters are looked up once per label set and kept: the label sets are few (verbs, kinds and
 * codes), and building and registering a meter on every request costs more than the request's own work.
 */
@Component
class RequestMetricsFilter extends OncePerRequestFilter {

    private record TimerLabels(RequestInfo info, int code) { }

    private final MeterRegistry registry;
    private final Map<TimerLabels, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> watchCounters = new ConcurrentHashMap<>();

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
                watchCounters.computeIfAbsent(info.resource(), this::watchCounter).increment();
            } else {
                timers.computeIfAbsent(new TimerLabels(info, response.getStatus()), this::timer)
                        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        }
    }

    private Counter watchCounter(String resource) {
        return Counter.builder("kubelite.apiserver.watch.requests")
                .description("Watch streams opened")
                .tag("resource", resource)
                .register(registry);
    }

    private Timer timer(TimerLabels labels) {
        return Timer.builder("kubelite.apiserver.request.duration")
                .description("Latency of API requests other than watches")
                .tag("verb", labels.info().verb())
                .tag("resource", labels.info().resource())
                .tag("subresource", labels.info().subresource())
                .tag("code", Integer.toString(labels.code()))
                .publishPercentileHistogram()
                .register(registry);
    }
}
