package io.kubelite.store;

import io.kubelite.model.StatusException;

/** Receives a watch's events in revision order, on the store's dispatch thread: never block. */
public interface WatchListener {

    void onEvent(WatchEvent event);

    /** The watch has seen everything up to this revision (nothing matching may have changed). */
    default void onProgress(long revision) { }

    /** The watch has ended with this failure (e.g. 410 Expired when it fell too far behind). */
    default void onError(StatusException error) { }
}
