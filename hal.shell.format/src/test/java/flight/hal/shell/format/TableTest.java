package flight.hal.shell.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TableTest {
    private static final String NL = System.lineSeparator();

    @Test
    void columnsAreAsWideAsTheirWidestCellHeaderIncluded() {
        String text = Table.of("NAME", "SIZE", "STATE").right(1)
                .row("a", 10, "SELECTED")
                .row("longer name", 1234567, "x")
                .render();
        assertEquals("NAME            SIZE  STATE" + NL
                + "-----------  -------  --------" + NL
                + "a                 10  SELECTED" + NL
                + "longer name  1234567  x" + NL, text);
    }

    @Test
    void notesGoUnderTheirRowOutsideTheColumnsAndTheIndentStartsEveryLine() {
        String text = Table.indented("  ", "A", "B")
                .row("x", "y").note("    ", "failed: because")
                .row("averyverylongcell", "z")
                .render();
        assertEquals("  A                  B" + NL
                + "  -----------------  -" + NL
                + "  x                  y" + NL
                + "      failed: because" + NL
                + "  averyverylongcell  z" + NL, text);
    }

    @Test
    void noLineEndsInSpacesAndAnEmptyTableHasItsHeader() {
        Table table = Table.of("LEFT", "LAST");
        assertTrue(table.isEmpty());
        assertEquals("LEFT  LAST" + NL + "----  ----" + NL, table.render());
        String text = table.row("a", "").render();
        assertTrue(text.lines().noneMatch(line -> line.endsWith(" ")), text);
    }

    @Test
    void aRowOfTheWrongWidthIsAProgrammingError() {
        Table table = Table.of("ONE", "TWO");
        assertThrows(IllegalArgumentException.class, () -> table.row("only one"));
    }
}
