package io.kubelite.scheduler.framework;

/** Ranks the nodes that passed every filter. */
public interface ScorePlugin extends Plugin {

    int MIN_SCORE = 0;
    int MAX_SCORE = 100;

    /** A score from {@link #MIN_SCORE} to {@link #MAX_SCORE}; higher is better. Must not block or write. */
    long score(PodInfo pod, NodeInfo node);
}
