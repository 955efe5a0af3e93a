package io.kubelite.store;

/** @param dryRun validate and answer as if written, but write nothing */
public record WriteOptions(boolean dryRun) {
    public static final WriteOptions NONE = new WriteOptions(false);
    public static final WriteOptions DRY_RUN = new WriteOptions(true);
}
