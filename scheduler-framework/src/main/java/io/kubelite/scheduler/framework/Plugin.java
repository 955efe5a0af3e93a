package io.kubelite.scheduler.framework;

/** A scheduling rule; it implements only the extension points it needs ({@link FilterPlugin}, {@link ScorePlugin}). */
public interface Plugin {

    /** The plugin's name, as configuration and failure messages know it. */
    String name();
}
