package io.kubelite.store;

import java.util.function.BooleanSupplier;

/** Waits for something another thread does, failing the test after a few seconds. */
final class Eventually {

    private Eventually() { }

    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
