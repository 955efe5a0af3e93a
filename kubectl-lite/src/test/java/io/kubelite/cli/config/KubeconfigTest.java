package io.kubelite.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubelite.cli.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigTest {

    private static final String CONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster: {server: "http://localhost:8080/"}
            - name: other
              cluster: {server: "http://other:9090"}
            users:
            - name: admin
              user: {token: secret}
            contexts:
            - name: dev
              context: {cluster: local, user: admin, namespace: web}
            - name: prod
              context: {cluster: other, user: admin}
            current-context: dev
            """;

    @TempDir
    Path dir;

    private Kubeconfig config() throws IOException {
        return Kubeconfig.load(Files.writeString(dir.resolve("config"), CONFIG));
    }

    @Test
    void theCurrentContextNamesServerTokenAndNamespace() throws IOException {
        assertThat(config().resolve(null, null, null))
                .isEqualTo(new ClusterAccess("http://localhost:8080", "secret", "web"));
    }

    @Test
    void anotherContextAndFlagsOverrideIt() throws IOException {
        assertThat(config().resolve("prod", null, null))
                .isEqualTo(new ClusterAccess("http://other:9090", "secret", "default"));
        assertThat(config().resolve("prod", "http://x:1", "t"))
                .isEqualTo(new ClusterAccess("http://x:1", "t", "default"));
    }

    @Test
    void aMissingFileMeansTheLocalServerAndAnUnknownContextIsAnError() throws IOException {
        assertThat(Kubeconfig.load(dir.resolve("absent")).resolve(null, null, null))
                .isEqualTo(new ClusterAccess("http://localhost:8080", null, "default"));
        assertThatThrownBy(() -> config().resolve("nope", null, null)).isInstanceOf(UsageException.class)
                .hasMessage("context was not found for specified context: nope");
    }
}
