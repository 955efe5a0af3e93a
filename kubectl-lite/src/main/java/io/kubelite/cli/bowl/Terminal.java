package io.kubelite.cli.bowl;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The interactive terminal: keys one at a time without echo ({@code stty -icanon -echo}, restored on close) and
 * frames redrawn in place with ANSI escapes (cursor home, clear to end of line), cursor hidden meanwhile.
 */
final class Terminal implements AutoCloseable {

    private static final String HOME = "\033[H";
    private static final String CLEAR_SCREEN = "\033[2J";
    private static final String CLEAR_LINE = "\033[K";
    private static final String HIDE_CURSOR = "\033[?25l";
    private static final String SHOW_CURSOR = "\033[?25h";

    private final PrintWriter out;
    private final String savedSettings;

    private Terminal(PrintWriter out, String savedSettings) {
        this.out = out;
        this.savedSettings = savedSettings;
    }

    /** Whether standard input and output are a terminal. */
    static boolean available() {
        return System.console() != null;
    }

    static Terminal open(PrintWriter out) throws IOException {
        Terminal terminal = new Terminal(out, stty("-g"));
        stty("-icanon", "-echo", "min", "1");
        out.print(HIDE_CURSOR + CLEAR_SCREEN);
        out.flush();
        return terminal;
    }

    /** Draws a frame over the last one. */
    void draw(List<String> lines) {
        StringBuilder frame = new StringBuilder(HOME);
        for (int i = 0; i < lines.size(); i++) {
            frame.append(lines.get(i)).append(CLEAR_LINE);
            if (i < lines.size() - 1) {
                frame.append("\r\n");
            }
        }
        out.print(frame);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.print(SHOW_CURSOR + "\r\n");
        out.flush();
        stty(savedSettings.strip());
    }

    private static String stty(String... arguments) throws IOException {
        String[] command = new String[arguments.length + 1];
        command[0] = "stty";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process stty = new ProcessBuilder(command).redirectInput(new File("/dev/tty")).start();
        String output = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (stty.waitFor() != 0) {
                throw new IOException("stty " + String.join(" ", arguments) + " failed: "
                        + new String(stty.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while setting up the terminal", e);
        }
        return output;
    }
}
