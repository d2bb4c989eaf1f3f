package org.mlc.ledger.ops.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures a fault test measured: printed, and appended to target/faults/figures.md for docs/reliability.md. */
final class Figures {

    private final String test;
    private final Map<String, Object> values = new LinkedHashMap<>();

    Figures(String test) {
        this.test = test;
    }

    Figures put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    void write() throws IOException {
        StringBuilder text = new StringBuilder("\n### " + test + " (" + Instant.now() + ")\n\n| figure | value |\n|---|---|\n");
        values.forEach((name, value) -> text.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        System.out.println(text);
        Path file = Files.createDirectories(Path.of("target", "faults")).resolve("figures.md");
        Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
