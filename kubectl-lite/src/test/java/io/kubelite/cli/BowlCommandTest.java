package io.kubelite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubelite.model.ResourceKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code bowl --frames} drawn from a real API server's nodes and pods. */
class BowlCommandTest {

    @RegisterExtension
    static final LiveApiServer server = new LiveApiServer();

    @Test
    void framesShowReadyNodesStandingAndANodeWhoseReadyIsUnknownFallenWithPodCounts() {
        readyNode("lane-a", "True");
        readyNode("lane-b", "Unknown");
        readyNode("lane-c", "True");
        server.api().create(ResourceKind.POD, "default",
                ClusterCommandsTest.json(ClusterCommandsTest.pod("lane-p1", "lane-a", "")));
        server.api().create(ResourceKind.POD, "default",
                ClusterCommandsTest.json(ClusterCommandsTest.pod("lane-p2", "lane-a", "")));
        server.api().create(ResourceKind.POD, "default",
                ClusterCommandsTest.json(ClusterCommandsTest.pod("lane-p3", "lane-c", "")));

        Cli.Result run = server.cli().run("bowl", "--frames", "2", "--interval", "100ms");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("\033[");
        String[] frames = run.out().split("\n\n");
        assertThat(frames).hasSize(2);
        List<String> lines = Arrays.asList(frames[0].split("\n", -1));
        assertThat(lines).hasSize(24);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThan(80));
        assertThat(cell(lines, "lane-a", 1)).contains("2 pods");
        assertThat(cell(lines, "lane-b", 1)).contains("0 pods");
        assertThat(cell(lines, "lane-c", 1)).contains("1 pod");
        assertThat(cell(lines, "lane-a", -1)).contains("|_|");
        assertThat(cell(lines, "lane-c", -1)).contains("|_|");
        assertThat(cell(lines, "lane-b", -1)).contains("==").doesNotContain("|_|");
        assertThat(lines.get(22)).startsWith(" down: ").contains("lane-b").doesNotContain("lane-a", "lane-c");
        assertThat(lines.get(23)).isEqualTo(" frame 1 of 2");
    }

    @Test
    void knockingANodeWithoutALocalAgentSaysKnockingNeedsALocalCluster() {
        readyNode("remote-node", "True");
        Cli.Result run = server.cli().run("bowl", "--frames", "1", "--knock", "remote-node");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: knocking remote-node down needs a local cluster");
    }

    private static void readyNode(String name, String ready) {
        server.api().create(ResourceKind.NODE, null,
                ClusterCommandsTest.json("{\"metadata\":{\"name\":\"" + name + "\"}}"));
        server.api().send("PATCH", "/api/v1/nodes/" + name + "/status", ClusterCommandsTest.json(
                "{\"status\":{\"conditions\":[{\"type\":\"Ready\",\"status\":\"" + ready + "\"}]}}"),
                "application/merge-patch+json");
    }

    /** The text of a pin's cell: the line of its name, shifted by the offset, around the name's column. */
    private static String cell(List<String> lines, String node, int offset) {
        int row = 0;
        while (!lines.get(row).contains(node)) {
            row++;
        }
        int column = lines.get(row).indexOf(node);
        String line = lines.get(row + offset);
        return line.substring(Math.max(0, column - 2), Math.min(line.length(), column + node.length() + 2));
    }
}
