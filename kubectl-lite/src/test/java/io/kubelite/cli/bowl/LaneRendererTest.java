package io.kubelite.cli.bowl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LaneRendererTest {

    private static Lane lane(List<Pin> pins) {
        return new Lane("http://localhost:8080", "12:00:00", pins, 2, 1, "node-2 down 7s: 3 pods moved", "frame 1 of 1");
    }

    @Test
    void aFrameIs24LinesThatFitAn80ColumnTerminal() {
        List<Pin> pins = IntStream.range(0, 30)
                .mapToObj(i -> new Pin(PinKeys.keyOf(i), "a-rather-long-node-name-" + i, PinState.STANDING, i))
                .toList();
        for (int count : new int[] {0, 1, 3, 10, 11, 30}) {
            List<String> frame = LaneRenderer.render(lane(pins.subList(0, count)));
            assertThat(frame).hasSize(24);
            assertThat(frame).allSatisfy(line -> assertThat(line.length()).isLessThan(80));
        }
    }

    @Test
    void theHeadPinIsNearestTheFoulLineAndAFallenPinLiesDown() {
        List<String> frame = LaneRenderer.render(lane(List.of(
                new Pin('1', "node-1", PinState.STANDING, 2),
                new Pin('2', "node-2", PinState.FALLEN, 0),
                new Pin('3', "node-3", PinState.WOBBLING, 1))));
        int foul = indexOf(frame, "foul line");
        assertThat(frame.get(foul - 4)).contains("(1)");
        assertThat(frame.get(foul - 3)).contains("|_|");
        assertThat(frame.get(foul - 2)).contains("node-1");
        assertThat(frame.get(foul - 1)).contains("2 pods");
        // the row behind: node-2 fallen (no head standing, it lies on the lane), node-3 tilted
        assertThat(frame.get(foul - 8)).doesNotContain("(2)").contains("(3)");
        assertThat(frame.get(foul - 7)).contains("(2)==", "/_/");
        assertThat(frame.get(foul - 6)).contains("node-2", "node-3");
        assertThat(frame.get(foul - 5)).contains("0 pods", "1 pod ");
        assertThat(frame.get(0)).contains("3 pins: 1 standing, 2 down", "12:00:00");
        assertThat(String.join("\n", frame)).contains("carrying to standing pins: 2 [oo]", "clearing: 1 [x]");
        assertThat(frame.get(22)).isEqualTo(" node-2 down 7s: 3 pods moved");
        assertThat(frame.get(23)).isEqualTo(" frame 1 of 1");
    }

    @Test
    void tenPinsStandAsABowlingTriangleAndMoreAsAGrid() {
        List<Pin> ten = IntStream.range(0, 10)
                .mapToObj(i -> new Pin(PinKeys.keyOf(i), "n" + i, PinState.STANDING, 0)).toList();
        assertThat(LaneRenderer.rowsFromFront(ten)).extracting(List::size).containsExactly(1, 2, 3, 4);
        List<Pin> twenty = IntStream.range(0, 20)
                .mapToObj(i -> new Pin(PinKeys.keyOf(i), "n" + i, PinState.STANDING, 0)).toList();
        assertThat(LaneRenderer.rowsFromFront(twenty)).extracting(List::size).containsExactly(5, 5, 5, 5);
        assertThat(LaneRenderer.capacity(40)).isEqualTo(28);
    }

    @Test
    void pinKeysSkipTheCommandKeys() {
        assertThat(PinKeys.keyOf(0)).isEqualTo('1');
        assertThat(PinKeys.keyOf(9)).isEqualTo('0');
        assertThat(PinKeys.KEYS).doesNotContain("q", "r", "u");
        assertThat(PinKeys.indexOf('0')).contains(9);
        assertThat(PinKeys.indexOf('q')).isEmpty();
    }

    private static int indexOf(List<String> frame, String text) {
        return IntStream.range(0, frame.size()).filter(i -> frame.get(i).contains(text)).findFirst().orElseThrow();
    }
}
