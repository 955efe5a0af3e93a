package io.kubelite.controller;

import io.kubelite.controller.informer.Informer;
import io.kubelite.controller.informer.Informers;
import io.kubelite.controller.queue.ControllerLoop;
import io.kubelite.controller.queue.WorkQueue;
import io.kubelite.store.leader.LeaderElector;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs every controller: keeps the shared informers listing and watching, gives each controller a queue and
 * workers, and, while this instance leads, reconciles everything on election and every resync period.
 */
public final class ControllerManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ControllerManager.class);
    private static final long INFORMER_CHECK_MILLIS = 1_000;

    private final List<Controller> controllers;
    private final List<ControllerLoop> loops;
    private final Informers informers;
    private final LeaderElector elector;
    private final ControllerManagerProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "controller-manager-timer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    public ControllerManager(List<Controller> controllers, Informers informers, LeaderElectorFactory electorFactory,
                             ControllerManagerProperties properties) {
        this.controllers = List.copyOf(controllers);
        this.informers = informers;
        this.properties = properties;
        this.elector = electorFactory.create(this::resyncAll);
        this.loops = this.controllers.stream().map(this::loopOf).toList();
    }

    /** Makes the elector once the manager exists, so that the election can call back into it. */
    public interface LeaderElectorFactory {
        LeaderElector create(Runnable onElected);
    }

    private ControllerLoop loopOf(Controller controller) {
        WorkQueue queue = new WorkQueue(controller.name());
        controller.watch(queue);
        return new ControllerLoop(controller.name(), queue, controller, elector::isLeader, properties.workers(),
                properties.retryBase(), properties.retryMax());
    }

    public boolean isLeader() {
        return elector.isLeader();
    }

    @Override
    public void start() {
        syncInformers();
        timer.scheduleWithFixedDelay(this::syncInformers, INFORMER_CHECK_MILLIS, INFORMER_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        long resync = properties.resyncPeriod().toMillis();
        timer.scheduleWithFixedDelay(this::resyncIfLeading, resync, resync, TimeUnit.MILLISECONDS);
        loops.forEach(ControllerLoop::start);
        elector.start();
        running = true;
        log.info("Started {} controllers: {}", controllers.size(), controllers.stream().map(Controller::name).toList());
    }

    private void syncInformers() {
        for (Informer informer : informers.all()) {
            try {
                informer.syncIfNeeded();
            } catch (RuntimeException e) {
                log.warn("Could not list {} ({}); trying again in {} ms", informer.kind().plural(), e.getMessage(),
                        INFORMER_CHECK_MILLIS);
            }
        }
    }

    private void resyncIfLeading() {
        if (elector.isLeader()) {
            resyncAll();
        }
    }

    /** Queues every key of every controller. */
    private void resyncAll() {
        syncInformers();
        for (int i = 0; i < controllers.size(); i++) {
            controllers.get(i).allKeys().forEach(loops.get(i).queue()::add);
        }
    }

    @Override
    public void stop() {
        running = false;
        elector.close();
        timer.shutdownNow();
        loops.forEach(ControllerLoop::close);
        informers.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
