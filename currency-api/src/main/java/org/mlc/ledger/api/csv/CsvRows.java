package org.mlc.ledger.api.csv;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows {@code Csv.write} takes, from typed answer lines: a column per record component, by its
 * name, so an export's CSV columns are its JSON properties.
 */
public final class CsvRows {

    private CsvRows() {
    }

    public static List<Map<String, Object>> of(List<? extends Record> lines) {
        return lines.stream().map(CsvRows::row).toList();
    }

    private static Map<String, Object> row(Record line) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (RecordComponent component : line.getClass().getRecordComponents()) {
            try {
                row.put(component.getName(), component.getAccessor().invoke(line));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + component.getName() + " of " + line, e);
            }
        }
        return row;
    }
}
