package io.kubelite.apiserver.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the API server ({@code kubelite.api.*}).
 *
 * @param maxRequestBytes largest request body accepted; larger ones get 413 (default 3MB = 3 MiB)
 * @param patchRetries    attempts of a PATCH without resourceVersion that keeps meeting conflicts (default 5)
 * @param watch           watch stream settings
 * @param logs            how pods/log reaches the node agents
 */
@ConfigurationProperties("kubelite.api")
public record ApiServerProperties(
        @DefaultValue("3MB") DataSize maxRequestBytes,
        @DefaultValue("5") int patchRetries,
        @DefaultValue Watch watch,
        @DefaultValue Logs logs) {

    /**
     * @param connectTimeout  time to open a connection to a node agent before answering 503 (default 5s)
     * @param responseTimeout time a node agent has to start answering before 503 (default 10s); a followed
     *                        stream may then stay open and quiet as long as the client reads it
     */
    public record Logs(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration responseTimeout) {
    }

    /**
     * @param maxOpen          watches open at once; each holds one writer thread; more get 429 (default 256)
     * @param queueCapacity    events buffered per watch; a watcher that falls further behind is ended
     *                         with a 410 ERROR event so that it re-lists (default 1000)
     * @param bookmarkInterval quiet time before a BOOKMARK is sent to watches that allow them (default 1s)
     * @param idleProbeInterval quiet time after which a newline is written, so that a vanished client is
     *                         noticed and its watch closed: the write after the one the client's end
     *                         refused fails, within about two intervals (default 5s)
     * @param defaultTimeout   stream length when the client gives no timeoutSeconds (default 30m)
     * @param maxTimeout       upper bound on timeoutSeconds (default 60m)
     */
    public record Watch(
            @DefaultValue("256") int maxOpen,
            @DefaultValue("1000") int queueCapacity,
            @DefaultValue("1s") Duration bookmarkInterval,
            @DefaultValue("5s") Duration idleProbeInterval,
            @DefaultValue("30m") Duration defaultTimeout,
            @DefaultValue("60m") Duration maxTimeout) {
    }
}
