package io.kubelite.cli.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class AgeTest {

    @ParameterizedTest(name = "{0} s is {1}")
    @CsvSource({
            "0, 0s", "5, 5s", "119, 119s", "120, 2m", "182, 3m2s", "599, 9m59s", "600, 10m", "10799, 179m",
            "10800, 3h", "18240, 5h4m", "28800, 8h", "172799, 47h", "187200, 2d4h", "691200, 8d",
            "63072000, 2y", "63158400, 2y1d", "315360000, 10y"})
    void printsDurationsAsKubectlDoes(long seconds, String expected) {
        assertThat(Age.human(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void measuresFromATimestampAndSaysWhenThereIsNone() {
        Instant now = Instant.parse("2024-05-01T10:03:02Z");
        assertThat(Age.since("2024-05-01T10:00:00Z", now)).isEqualTo("3m2s");
        assertThat(Age.since("", now)).isEqualTo("<unknown>");
    }
}
