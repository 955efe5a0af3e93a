package io.kubelite.cli.print;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text in columns, aligned as kubectl aligns them (Go's tabwriter with a padding of three spaces): each
 * column as wide as its widest cell, the last one not padded.
 */
public final class Table {

    private static final int PADDING = 3;

    private final List<List<String>> rows = new ArrayList<>();

    public Table(List<String> headers) {
        rows.add(List.copyOf(headers));
    }

    public Table add(List<String> row) {
        rows.add(List.copyOf(row));
        return this;
    }

    /** Every row, aligned, after the header line if asked. */
    public void print(PrintWriter out, boolean withHeader) {
        int[] widths = widths();
        for (List<String> row : withHeader ? rows : rows.subList(1, rows.size())) {
            out.println(line(row, widths));
        }
    }

    /** Column widths that fit every row added so far; a watch keeps them for the rows that follow. */
    public int[] widths() {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        return widths;
    }

    /** One row laid out in the given widths (a cell wider than its column pushes the rest right). */
    public static String line(List<String> row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
            String cell = row.get(i);
            line.append(cell);
            if (i < row.size() - 1) {
                line.append(" ".repeat(Math.max(widths[i] - cell.length(), 0) + PADDING));
            }
        }
        return line.toString();
    }
}
