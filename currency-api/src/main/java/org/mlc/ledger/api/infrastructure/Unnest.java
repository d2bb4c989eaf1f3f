package org.mlc.ledger.api.infrastructure;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.PreparedStatementCreator;

/**
 * A batch of rows sent to PostgreSQL as one array per column, read back as rows by
 * {@code unnest(…)}: one statement and one execution for the whole batch, where a JDBC batch is
 * still one execution per row (the projections' replays waited mostly on those: JFR,
 * docs/performance.md). The statement names where the rows go with {@link #ROWS}.
 */
public final class Unnest {

    /** Where the statement reads the rows: replaced by {@code unnest(?::type[], …)}. */
    public static final String ROWS = "{rows}";

    /**
     * One column of the rows: the type of the array sent, the type it is read as, and a value per
     * row (instants go as text and are read as {@code timestamptz}).
     */
    public record Column(String arrayType, String readAs, Object[] values) {
    }

    private Unnest() {
    }

    /** A column read off each row: {@code Unnest.varchar(rows, Row::currency)}. */
    public static <R> Column varchar(List<R> rows, Function<R, String> value) {
        return varchar(rows.stream().map(value).toArray(String[]::new));
    }

    public static <R> Column bigint(List<R> rows, Function<R, Long> value) {
        return bigint(rows.stream().map(value).toArray(Long[]::new));
    }

    public static <R> Column integer(List<R> rows, Function<R, Integer> value) {
        return integer(rows.stream().map(value).toArray(Integer[]::new));
    }

    public static <R> Column timestamptz(List<R> rows, Function<R, Instant> value) {
        return timestamptz(rows.stream().map(r -> value.apply(r).toString()).toArray(String[]::new));
    }

    public static Column varchar(String[] values) {
        return new Column("varchar", "varchar", values);
    }

    public static Column bigint(Long[] values) {
        return new Column("bigint", "bigint", values);
    }

    public static Column integer(Integer[] values) {
        return new Column("int", "int", values);
    }

    /** Instants written as ISO-8601 in UTC ({@code Instant.toString()}): the instant itself, whatever the session's zone. */
    public static Column timestamptz(String[] isoInstants) {
        return new Column("varchar", "timestamptz", isoInstants);
    }

    /** The statement, its {@link #ROWS} replaced by the unnest of these columns, with their arrays bound. */
    public static PreparedStatementCreator statement(String sql, Column... columns) {
        if (!sql.contains(ROWS)) {
            throw new IllegalArgumentException("the statement does not say where its rows go (" + ROWS + ")");
        }
        int rows = columns[0].values().length;
        for (Column column : columns) {
            if (column.values().length != rows) {
                throw new IllegalArgumentException("columns of " + rows + " and " + column.values().length + " rows");
            }
        }
        String unnest = Arrays.stream(columns).map(c -> "?::" + c.readAs() + "[]")
                .collect(Collectors.joining(", ", "unnest(", ")"));
        String expanded = sql.replace(ROWS, unnest);
        return con -> {
            PreparedStatement statement = con.prepareStatement(expanded);
            for (int c = 0; c < columns.length; c++) {
                statement.setArray(c + 1, con.createArrayOf(columns[c].arrayType(), columns[c].values()));
            }
            return statement;
        };
    }
}
