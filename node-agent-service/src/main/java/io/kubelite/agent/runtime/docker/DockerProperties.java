package io.kubelite.agent.runtime.docker;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the node agent reaches its Docker engine ({@code kubelite.agent.docker.*}).
 *
 * @param host  the engine's address, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://127.0.0.1:2375};
 *              default: the {@code DOCKER_HOST} environment variable, else {@code unix:///var/run/docker.sock}
 *              ({@code deploy/docker-engine env} prints the address of the engine kube-lite starts)
 */
@ConfigurationProperties("kubelite.agent.docker")
public record DockerProperties(String host) {

    static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    public DockerProperties {
        if (host == null || host.isBlank()) {
            String fromEnvironment = System.getenv("DOCKER_HOST");
            host = fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_HOST : fromEnvironment;
        }
    }

    /** The defaults, as an agent without any {@code kubelite.agent.docker.*} setting gets them. */
    public static DockerProperties defaults() {
        return new DockerProperties(null);
    }
}
