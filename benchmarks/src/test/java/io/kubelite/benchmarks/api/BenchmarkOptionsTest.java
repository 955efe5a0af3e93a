package io.kubelite.benchmarks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void noArgumentsGiveTheDocumentedDefaults() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[0], "bench-abc");

        assertThat(options.server()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(options.pods()).isEqualTo(5000);
        assertThat(options.clients()).isEqualTo(16);
        assertThat(options.namespace()).isEqualTo("bench-abc");
        assertThat(options.warmupNamespace()).isEqualTo("bench-abc-warmup");
        assertThat(options.warmup()).isEqualTo(500);
        assertThat(options.keep()).isFalse();
        assertThat(options.out()).isNull();
        assertThat(options.timeLimit()).isEqualTo(Duration.ofMinutes(5));
        assertThat(options.serverPid()).isNull();
        assertThat(options.postgresPid()).isNull();
    }

    @Test
    void everyOptionIsRead() {
        BenchmarkOptions options = BenchmarkOptions.parse(new String[] {"--server", "http://127.0.0.1:9090/",
                "--pods", "100", "--clients", "4", "--namespace", "mine", "--warmup", "0", "--keep",
                "--out", "report.md", "--time-limit", "20", "--server-pid", "4242",
                "--postgres-pid", "4343"}, "unused");

        assertThat(options.server()).isEqualTo(URI.create("http://127.0.0.1:9090"));
        assertThat(options.pods()).isEqualTo(100);
        assertThat(options.clients()).isEqualTo(4);
        assertThat(options.namespace()).isEqualTo("mine");
        assertThat(options.warmup()).isZero();
        assertThat(options.keep()).isTrue();
        assertThat(options.out()).isEqualTo(Path.of("report.md"));
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.serverPid()).isEqualTo(4242L);
        assertThat(options.postgresPid()).isEqualTo(4343L);
    }

    @Test
    void aServerOffThisMachineIsRefused() {
        assertThatThrownBy(() -> parse("--server", "http://10.1.2.3:8080"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loopback");
    }

    @Test
    void ipv6LoopbackIsAccepted() {
        assertThat(parse("--server", "http://[::1]:8080").server().getHost()).isEqualTo("[::1]");
    }

    @Test
    void badValuesNameTheOption() {
        assertThatThrownBy(() -> parse("--pods", "many")).hasMessageContaining("--pods");
        assertThatThrownBy(() -> parse("--clients", "0")).hasMessageContaining("--clients");
        assertThatThrownBy(() -> parse("--clients")).hasMessageContaining("--clients needs a value");
        assertThatThrownBy(() -> parse("--namespace", "Not_A_Label")).hasMessageContaining("--namespace");
        assertThatThrownBy(() -> parse("--server", "https://localhost")).hasMessageContaining("--server");
        assertThatThrownBy(() -> parse("--time-limit", "0")).hasMessageContaining("--time-limit");
        assertThatThrownBy(() -> parse("--verbose")).hasMessageContaining("unknown option --verbose");
    }

    private static BenchmarkOptions parse(String... args) {
        return BenchmarkOptions.parse(args, "bench-test");
    }
}
