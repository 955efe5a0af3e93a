package io.kubelite.cli.print;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void padsEachColumnToItsWidestCellPlusThreeSpacesAndLeavesTheLastUnpadded() {
        Table table = new Table(List.of("NAME", "STATUS", "AGE"))
                .add(List.of("web-7d9f", "Running", "5s"))
                .add(List.of("db", "CrashLoopBackOff", "2d4h"));
        StringWriter out = new StringWriter();

        table.print(new PrintWriter(out, true), true);

        assertThat(out.toString()).isEqualTo("""
                NAME       STATUS             AGE
                web-7d9f   Running            5s
                db         CrashLoopBackOff   2d4h
                """);
    }

    @Test
    void leavesTheHeaderOutWhenAsked() {
        StringWriter out = new StringWriter();
        new Table(List.of("NAME", "AGE")).add(List.of("a", "1s")).print(new PrintWriter(out, true), false);
        assertThat(out.toString()).isEqualTo("a      1s\n");
    }
}
