package io.kubelite.controller.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkQueueTest {

    @Test
    void aKeyQueuedManyTimesBeforeItIsTakenIsHandedOutOnce() throws InterruptedException {
        try (WorkQueue queue = new WorkQueue("test")) {
            queue.add("a");
            queue.add("b");
            queue.add("a");
            assertThat(queue.size()).isEqualTo(2);
            assertThat(queue.take()).isEqualTo("a");
            assertThat(queue.take()).isEqualTo("b");
            assertThat(queue.size()).isZero();
        }
    }

    @Test
    void aKeyQueuedWhileBeingReconciledIsHandedOutAgainOnlyAfterDone() throws InterruptedException {
        try (WorkQueue queue = new WorkQueue("test")) {
            queue.add("a");
            String taken = queue.take();
            queue.add("a");
            assertThat(queue.size()).as("not handed to a second worker meanwhile").isZero();
            queue.done(taken);
            assertThat(queue.size()).isEqualTo(1);
            assertThat(queue.take()).isEqualTo("a");
        }
    }

    @Test
    void addAfterQueuesTheKeyOnceTheDelayHasPassed() throws InterruptedException {
        try (WorkQueue queue = new WorkQueue("test")) {
            long start = System.nanoTime();
            queue.addAfter("later", Duration.ofMillis(200));
            assertThat(queue.size()).isZero();
            assertThat(queue.take()).isEqualTo("later");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(190));
        }
    }

    @Test
    void takeReturnsNullOnceClosed() throws InterruptedException {
        WorkQueue queue = new WorkQueue("test");
        queue.close();
        assertThat(queue.take()).isNull();
    }
}
