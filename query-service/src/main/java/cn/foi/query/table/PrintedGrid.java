package cn.foi.query.table;

import java.util.ArrayList;
import java.util.List;

/**
 * The printed layout of the tables as a grid: rows of cell texts (a row may be empty: a blank line), and
 * the rectangles of cells merged in print. Text, .csv and .xlsx are all written from it.
 */
public final class PrintedGrid {

    /** Rows and columns counted from 0, inclusive. */
    public record Merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
    }

    private final List<List<String>> rows = new ArrayList<>();
    private final List<Merge> merges = new ArrayList<>();

    void row(List<String> cells) {
        rows.add(List.copyOf(cells));
    }

    void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        merges.add(new Merge(firstRow, lastRow, firstColumn, lastColumn));
    }

    int size() {
        return rows.size();
    }

    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    public List<Merge> merges() {
        return List.copyOf(merges);
    }

    /** Tab-separated, one printed row a line (the text format, read back by {@link PublishedTable}). */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            out.append(String.join("\t", row)).append('\n');
        }
        return out.toString();
    }
}
