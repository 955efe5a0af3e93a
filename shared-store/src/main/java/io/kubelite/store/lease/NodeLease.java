package io.kubelite.store.lease;

import java.time.Duration;
import java.time.Instant;

/**
 * A node's heartbeat as last renewed.
 *
 * @param holderIdentity which agent renewed it (its host and process)
 * @param renewTime      when, by the database's clock
 * @param leaseDuration  how long the holder promised to renew within
 * @param age            how long ago it was renewed, by the database's clock when read
 */
public record NodeLease(String nodeName, String holderIdentity, Instant renewTime, Duration leaseDuration,
                        Duration age) {

    /** Whether the holder has not renewed within the promised duration. */
    public boolean expired() {
        return age.compareTo(leaseDuration) > 0;
    }
}
