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

    /** A figure's place in the grid and what it counts (e.g. {@code DISCLOSED/NATURAL_PERSON}), for links to its requests. */
    public record Figure(int row, int column, String code) {
    }

    private final List<List<String>> rows = new ArrayList<>();
    private final List<Merge> merges = new ArrayList<>();
    private final List<Figure> figures = new ArrayList<>();

    /** A grid of given rows and merged rectangles ({@code [firstRow, lastRow, firstColumn, lastColumn]}). */
    public static PrintedGrid of(List<List<String>> rows, List<List<Integer>> merges) {
        PrintedGrid grid = new PrintedGrid();
        rows.forEach(grid::row);
        merges.forEach(m -> grid.merge(m.get(0), m.get(1), m.get(2), m.get(3)));
        return grid;
    }

    /** The merged rectangles as lists, {@code [firstRow, lastRow, firstColumn, lastColumn]}: how a frozen report keeps them. */
    public List<List<Integer>> mergeLists() {
        return merges.stream().map(m -> List.of(m.firstRow(), m.lastRow(), m.firstColumn(), m.lastColumn())).toList();
    }

    /** The index of the first row whose first cell is {@code text}, or -1. */
    public int indexOf(String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (!rows.get(i).isEmpty() && rows.get(i).get(0).equals(text)) {
                return i;
            }
        }
        return -1;
    }

    void row(List<String> cells) {
        rows.add(List.copyOf(cells));
    }

    void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        merges.add(new Merge(firstRow, lastRow, firstColumn, lastColumn));
    }

    void figure(int row, int column, String code) {
        figures.add(new Figure(row, column, code));
    }

    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive) as a grid of their own, merges and figures moved along. */
    public PrintedGrid slice(int from, int to) {
        PrintedGrid part = new PrintedGrid();
        rows.subList(from, to).forEach(part::row);
        for (Merge m : merges) {
            if (m.firstRow() >= from && m.lastRow() < to) {
                part.merge(m.firstRow() - from, m.lastRow() - from, m.firstColumn(), m.lastColumn());
            }
        }
        for (Figure f : figures) {
            if (f.row() >= from && f.row() < to) {
                part.figure(f.row() - from, f.column(), f.code());
            }
        }
        return part;
    }

    /** This grid with a line of its own after a blank one (an export's provenance, say). */
    public PrintedGrid withFootnote(String text) {
        PrintedGrid copy = slice(0, size());
        copy.row(List.of());
        copy.row(List.of(text));
        return copy;
    }

    public int size() {
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
