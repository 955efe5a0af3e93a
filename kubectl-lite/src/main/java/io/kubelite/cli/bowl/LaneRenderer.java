package io.kubelite.cli.bowl;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Lane} as plain text that fits an 80x24 terminal: 24 lines of at most 79 characters (the last
 * column is left free, so no terminal wraps). From the top: a title, the pinsetter (the control plane, with the
 * pods it is carrying to pins and clearing off fallen ones), the pins (the back row near the pinsetter, the head
 * pin nearest the foul line, as a bowler sees them), the foul line, a status line and a footer.
 */
public final class LaneRenderer {

    public static final int WIDTH = 79;
    public static final int HEIGHT = 24;

    /** Pin rows between the pinsetter and the foul line, each {@link #PIN_LINES} lines tall. */
    static final int ROWS = 4;
    static final int PIN_LINES = 4;
    /** The widest grid used when there are more pins than the ten of a triangle. */
    static final int MAX_PER_ROW = 7;
    private static final int TRIANGLE = 10;
    private static final int LANE_INSIDE = WIDTH - 4;

    private LaneRenderer() { }

    public static List<String> render(Lane lane) {
        List<String> lines = new ArrayList<>(HEIGHT);
        lines.add(title(lane));
        String border = " +" + "-".repeat(LANE_INSIDE) + "+";
        lines.add(" +" + centered(" pinsetter: the control plane ", LANE_INSIDE, '-') + "+");
        lines.add(boxed("api server " + lane.server()));
        lines.add(boxed(pinsetterLoad(lane)));
        lines.add(border);
        lines.addAll(pinLines(lane.pins()));
        lines.add(" +" + centered(" foul line ", LANE_INSIDE, '=') + "+");
        lines.add(fit(" " + lane.status()));
        lines.add(fit(" " + lane.footer()));
        return lines;
    }

    /** How many pins fit on the lane; the rest are only counted in the title. */
    public static int capacity(int pins) {
        return pins <= TRIANGLE ? pins : Math.min(pins, ROWS * MAX_PER_ROW);
    }

    private static String title(Lane lane) {
        long standing = lane.pins().stream().filter(p -> p.state() == PinState.STANDING).count();
        int hidden = lane.pins().size() - capacity(lane.pins().size());
        String right = lane.pins().size() + " pins: " + standing + " standing, " + (lane.pins().size() - standing)
                + " down" + (hidden > 0 ? " (" + hidden + " not shown)" : "") + "   " + lane.clock();
        String left = " KUBE-LITE BOWL";
        int gap = Math.max(1, WIDTH - left.length() - right.length());
        return fit(left + " ".repeat(gap) + right);
    }

    private static String pinsetterLoad(Lane lane) {
        int onPins = lane.pins().stream().mapToInt(Pin::pods).sum();
        return "on pins: " + plural(onPins, "pod")
                + "   carrying to standing pins: " + lane.waiting() + " " + marks(lane.waiting(), 'o')
                + "   clearing: " + lane.leaving() + " " + marks(lane.leaving(), 'x');
    }

    private static String marks(int count, char mark) {
        return count == 0 ? "" : "[" + String.valueOf(mark).repeat(Math.min(count, 8)) + (count > 8 ? "+" : "") + "]";
    }

    private static List<String> pinLines(List<Pin> all) {
        List<Pin> pins = all.subList(0, capacity(all.size()));
        List<List<Pin>> rows = rowsFromFront(pins);
        int cell = pins.size() <= TRIANGLE ? 12 : LANE_INSIDE / MAX_PER_ROW;
        List<String> lines = new ArrayList<>();
        for (int blank = rows.size(); blank < ROWS; blank++) {
            for (int i = 0; i < PIN_LINES; i++) {
                lines.add(inLane(""));
            }
        }
        // the back row is drawn first, at the top
        for (int r = rows.size() - 1; r >= 0; r--) {
            List<Pin> row = rows.get(r);
            for (int line = 0; line < PIN_LINES; line++) {
                StringBuilder text = new StringBuilder();
                for (Pin pin : row) {
                    text.append(centered(pinLine(pin, line, cell - 1), cell, ' '));
                }
                lines.add(inLane(centered(text.toString(), LANE_INSIDE, ' ')));
            }
        }
        return lines;
    }

    /** Row 0 is the front (the head pin); a triangle has 1, 2, 3, 4 pins a row, a larger lane equal rows. */
    static List<List<Pin>> rowsFromFront(List<Pin> pins) {
        List<List<Pin>> rows = new ArrayList<>();
        int perRow = (pins.size() + ROWS - 1) / ROWS;
        int next = 0;
        for (int row = 0; next < pins.size(); row++) {
            int size = pins.size() <= TRIANGLE ? row + 1 : perRow;
            int end = Math.min(pins.size(), next + size);
            rows.add(pins.subList(next, end));
            next = end;
        }
        return rows;
    }

    private static String pinLine(Pin pin, int line, int width) {
        String head = "(" + pin.key() + ")";
        return switch (line) {
            case 0 -> switch (pin.state()) {
                case STANDING -> head;
                case WOBBLING -> "  " + head;
                case FALLEN -> "";
            };
            case 1 -> switch (pin.state()) {
                case STANDING -> "|_|";
                case WOBBLING -> "/_/ ";
                case FALLEN -> head + "==";
            };
            case 2 -> truncate(pin.node(), width);
            default -> truncate(plural(pin.pods(), "pod"), width);
        };
    }

    private static String boxed(String text) {
        return " | " + padded(truncate(text, LANE_INSIDE - 2), LANE_INSIDE - 2) + " |";
    }

    private static String inLane(String text) {
        return " |" + padded(text, LANE_INSIDE) + "|";
    }

    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String centered(String text, int width, char fill) {
        String t = truncate(text, width);
        int left = (width - t.length()) / 2;
        return String.valueOf(fill).repeat(left) + t + String.valueOf(fill).repeat(width - left - t.length());
    }

    private static String padded(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }

    private static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - 1)) + "~";
    }

    private static String fit(String text) {
        return truncate(text, WIDTH);
    }
}
