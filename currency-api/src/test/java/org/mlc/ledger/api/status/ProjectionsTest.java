package org.mlc.ledger.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;

/**
 * {@link Projections} is what {@code currency-ops replay} resets and checksums: a table a
 * projection writes but that is missing there would keep its old rows through a replay and be
 * counted twice. This reads the SQL of every {@code @ProcessingGroup} class and fails naming each
 * table it writes that its group does not list.
 */
class ProjectionsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * The tables a statement writes, SQL being upper case and tables lower case in this code (so
     * that a comment's "update of" is not one); "ON CONFLICT ... DO UPDATE SET" is not one either.
     */
    private static final Pattern WRITES = Pattern.compile(
            "\\b(?:INSERT\\s+INTO|(?<!DO\\s)UPDATE|DELETE\\s+FROM|TRUNCATE(?:\\s+TABLE)?)\\s+([a-z_][a-z0-9_]*)\\b");

    @Test
    void everyTableAProjectionWritesIsListedUnderItsGroup() throws Exception {
        Map<String, TreeSet<String>> written = new TreeMap<>();
        for (Path source : projectionSources()) {
            Class<?> type = Class.forName(className(source));
            String group = type.getAnnotation(ProcessingGroup.class).value();
            Matcher matcher = WRITES.matcher(Files.readString(source));
            while (matcher.find()) {
                written.computeIfAbsent(group, g -> new TreeSet<>()).add(matcher.group(1));
            }
        }
        assertThat(written).as("projections found").containsKeys("ledger", "reports");
        List<String> missing = new ArrayList<>();
        written.forEach((group, tables) -> tables.forEach(table -> {
            if (!Projections.TABLES.getOrDefault(group, List.of()).contains(table)) {
                missing.add(table + " (group " + group + ")");
            }
        }));
        assertThat(missing).as("tables written by projections but not in status/Projections.TABLES").isEmpty();
    }

    @Test
    void everyGroupListedHasAProjection() throws Exception {
        TreeSet<String> groups = new TreeSet<>();
        for (Path source : projectionSources()) {
            groups.add(Class.forName(className(source)).getAnnotation(ProcessingGroup.class).value());
        }
        assertThat(groups).containsAll(Projections.groups());
    }

    private static List<Path> projectionSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(file -> file.toString().endsWith(".java")).filter(file -> {
                try {
                    return Files.readString(file).contains("@ProcessingGroup(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sorted().toList();
        }
    }

    private static String className(Path source) {
        String relative = SOURCES.relativize(source).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }
}
