package io.kubelite.cli.bowl;

import io.kubelite.cli.ApiCommand;
import io.kubelite.cli.DurationConverter;
import io.kubelite.cli.UsageException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * The cluster as a bowling lane: the control plane is the pinsetter, each node a pin. Live from watches of nodes
 * and pods; knocking a pin stops its node's agent (see {@link LocalAgents}).
 */
@Command(name = "bowl", description = {
        "Show the cluster as a bowling lane: the control plane is the pinsetter, each node a pin (standing = Ready,",
        "fallen = NotReady or Unknown), with the pods it runs. Keys: a pin's digit or letter knocks it down (stops",
        "its node agent, on a local cluster), r a random one, u stands knocked pins up again, q quits."})
public final class BowlCommand extends ApiCommand {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Option(names = "--frames", paramLabel = "N",
            description = "Print N frames to stdout, one each --interval, then exit (plain text unless a terminal).")
    Integer frames;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "1s", converter = DurationConverter.class,
            description = "Time between frames (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--knock", paramLabel = "NODE", description = "Knock this node's pin down first.")
    String knock;

    @Option(names = "--stand", paramLabel = "NODE", description = "Stand this node's pin up again first.")
    String stand;

    private final Clock clock = Clock.systemDefaultZone();
    private final ClusterState cluster = new ClusterState();
    private final Knocks knocks = new Knocks();
    private final LocalAgents agents = LocalAgents.ofEnvironment();

    @Override
    protected int execute() throws Exception {
        ClusterWatch watch = new ClusterWatch(session().client(), cluster);
        watch.load();
        if (stand != null) {
            standUp(node(stand));
        }
        if (knock != null) {
            knockDown(node(knock));
        }
        watch.start();
        if (frames != null) {
            printFrames(frames);
            return 0;
        }
        if (!Terminal.available()) {
            throw new UsageException("bowl needs a terminal to play; use --frames N to print frames");
        }
        play();
        return 0;
    }

    private void printFrames(int count) throws InterruptedException, IOException {
        boolean ansi = Terminal.available();
        try (Terminal terminal = ansi ? Terminal.open(out()) : null) {
            for (int i = 1; i <= count; i++) {
                List<String> lines = frame("frame " + i + " of " + count);
                if (terminal != null) {
                    terminal.draw(lines);
                } else {
                    lines.forEach(out()::println);
                    out().println();
                    out().flush();
                }
                if (i < count) {
                    Thread.sleep(interval.toMillis());
                }
            }
        }
    }

    /** Redraws each interval and at each key, until q; pins knocked meanwhile are stood up again on the way out. */
    private void play() throws IOException, InterruptedException {
        BlockingQueue<Integer> keys = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                for (int key = System.in.read(); key >= 0; key = System.in.read()) {
                    keys.add(key);
                }
            } catch (IOException e) {
                keys.add((int) 'q');
            }
            keys.add((int) 'q');
        }, "bowl-keys");
        reader.setDaemon(true);
        try (Terminal terminal = Terminal.open(out())) {
            reader.start();
            String footer = "keys: pin key knocks it down   r random   u stand up   q quit";
            while (true) {
                terminal.draw(frame(footer));
                Integer key = keys.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                if (key == null) {
                    continue;
                }
                char c = (char) key.intValue();
                if (c == 'q' || c == 'Q') {
                    break;
                }
                try {
                    press(c);
                } catch (RuntimeException e) {
                    knocks.note(e.getMessage());
                }
            }
            standUpAll();
        }
    }

    private void press(char key) {
        List<Pin> pins = cluster.pins(this::agentStopped);
        if (key == 'r') {
            List<Pin> standing = pins.stream().filter(p -> p.state() == PinState.STANDING).toList();
            if (standing.isEmpty()) {
                throw new UsageException("no pin is standing");
            }
            knockDown(node(standing.get(new Random().nextInt(standing.size())).node()));
        } else if (key == 'u') {
            standUpAll();
        } else {
            Optional<Integer> index = PinKeys.indexOf(key);
            if (index.isPresent() && index.get() < pins.size()) {
                knockDown(node(pins.get(index.get()).node()));
            }
        }
    }

    private void knockDown(JsonNode node) {
        String name = node.path("metadata").path("name").asString("");
        LocalAgents.Agent agent = agents.agentOf(node).orElseThrow(() -> new UsageException(
                "knocking " + name + " down needs a local cluster: no node agent in " + agents.runDirectory()
                        + " serves it (deploy/kube-lite up records them there)"));
        knocks.knocked(name, clock.instant(), cluster);
        agents.stop(agent);
    }

    private void standUp(JsonNode node) {
        String name = node.path("metadata").path("name").asString("");
        LocalAgents.Agent agent = agents.agentOf(node).orElseThrow(() -> new UsageException(
                "standing " + name + " up needs a local cluster: no node agent in " + agents.runDirectory()
                        + " serves it"));
        agents.resume(agent);
        knocks.stood(name, clock.instant());
    }

    private void standUpAll() {
        for (JsonNode node : cluster.nodes()) {
            if (agentStopped(node)) {
                standUp(node);
            }
        }
    }

    private boolean agentStopped(JsonNode node) {
        return agents.agentOf(node).map(agents::isStopped).orElse(false);
    }

    private JsonNode node(String name) {
        return cluster.nodes().stream()
                .filter(node -> name.equals(node.path("metadata").path("name").asString("")))
                .findFirst()
                .orElseThrow(() -> new UsageException("nodes \"" + name + "\" not found"));
    }

    private List<String> frame(String footer) {
        List<Pin> pins = cluster.pins(this::agentStopped);
        String time = LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault()).format(CLOCK);
        Lane lane = new Lane(session().client().server(), time, pins, cluster.waiting(), cluster.leaving(),
                knocks.status(pins, cluster, clock.instant()), footer);
        return LaneRenderer.render(lane);
    }
}
