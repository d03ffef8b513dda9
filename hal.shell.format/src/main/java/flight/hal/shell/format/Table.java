package flight.hal.shell.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the shell: a header, a separator of dashes, and rows whose columns are aligned to their widest
 * cell (header included), two spaces apart, numbers right-aligned where the column says so. A note is a line of its
 * own under the row before it (a failure, a path), indented and outside the columns. No line ends in spaces.
 */
public final class Table {
    /** How a column's cells line up. */
    public enum Align { LEFT, RIGHT }

    private static final String GAP = "  ";
    private final String indent;
    private final String[] headers;
    private final Align[] aligns;
    private final List<String[]> rows = new ArrayList<>();
    /** Per row, the notes printed under it; the first entry holds those before any row. */
    private final List<List<String>> notes = new ArrayList<>(List.of(new ArrayList<>()));

    private Table(String indent, String[] headers) {
        this.indent = indent;
        this.headers = headers.clone();
        this.aligns = new Align[headers.length];
        Arrays.fill(aligns, Align.LEFT);
    }

    /** A table whose lines start at the margin. */
    public static Table of(String... headers) {
        return new Table("", headers);
    }

    /** A table whose lines start with {@code indent}. */
    public static Table indented(String indent, String... headers) {
        return new Table(indent, headers);
    }

    /** Right-aligns the cells (and header) of the given columns, counted from 0. */
    public Table right(int... columns) {
        for (int column : columns) {
            aligns[column] = Align.RIGHT;
        }
        return this;
    }

    /**
     * Adds a row of one cell per header, each printed with {@link String#valueOf(Object)}.
     *
     * @throws IllegalArgumentException when the row has another number of cells than the header: a programming error
     */
    public Table row(Object... cells) {
        if (cells.length != headers.length) {
            throw new IllegalArgumentException(cells.length + " cells in a table of " + headers.length + " columns");
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
        notes.add(new ArrayList<>());
        return this;
    }

    /** Adds a line under the last row, indented by {@code indent} more than the table, outside the columns. */
    public Table note(String indentation, String line) {
        notes.get(notes.size() - 1).add(indent + indentation + line);
        return this;
    }

    /** Whether no row was added. */
    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table's lines, each ending with the platform's line separator. */
    public String render() {
        int[] widths = new int[headers.length];
        for (int column = 0; column < headers.length; column++) {
            widths[column] = headers[column].length();
            for (String[] row : rows) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, headers, widths);
        line(text, Arrays.stream(widths).mapToObj("-"::repeat).toArray(String[]::new), widths);
        notes.get(0).forEach(note -> text.append(note).append(System.lineSeparator()));
        for (int index = 0; index < rows.size(); index++) {
            line(text, rows.get(index), widths);
            notes.get(index + 1).forEach(note -> text.append(note).append(System.lineSeparator()));
        }
        return text.toString();
    }

    private void line(StringBuilder text, String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder(indent);
        for (int column = 0; column < cells.length; column++) {
            String padding = " ".repeat(widths[column] - cells[column].length());
            line.append(column == 0 ? "" : GAP)
                    .append(aligns[column] == Align.RIGHT ? padding + cells[column] : cells[column] + padding);
        }
        text.append(line.toString().stripTrailing()).append(System.lineSeparator());
    }

    @Override
    public String toString() {
        return render();
    }
}
