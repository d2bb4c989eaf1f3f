package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.bulk.BulkJobs;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Endpoints;
import org.mlc.ledger.api.support.Endpoints.Call;
import org.mlc.ledger.api.support.Endpoints.Who;
import org.mlc.ledger.api.support.Endpoints.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Sends every endpoint of the API (found from the controller mappings) hostile requests, generated
 * by jqwik from the endpoint's valid sample and each spoiled for sure: malformed bodies, amounts,
 * ids, oversized inputs; numbers with huge exponents or digits; dates out of range; names with
 * characters that mislead; and the headers {@code Accept}, {@code Content-Type},
 * {@code Idempotency-Key} and {@code X-Correlation-Id}. Every answer to a request that changes
 * something must be a 4xx problem+json without internals, nothing may answer 5xx, and after each
 * request the tables must be as they were (event store, projections, keys, users).
 * (jqwik's generators are used inside a JUnit test: its engine cannot run in the shared Spring
 * context. A failing case is printed in full, which is all it takes to replay it.)
 * The seed is fixed in CI; {@code -Dmlc.fuzz.inputs=N} (inputs per endpoint) makes a longer run with a
 * random seed, printed, which {@code -Dmlc.fuzz.seed=S} replays.
 */
class FuzzTest extends IntegrationTest {

    /** Inputs per endpoint: every way of spoiling a request once, then random ones up to this many. */
    private static final int INPUTS_PER_ENDPOINT = Integer.getInteger("mlc.fuzz.inputs", 12);
    private static final long SEED = Long.getLong("mlc.fuzz.seed",
            System.getProperty("mlc.fuzz.inputs") == null ? 18L : new java.util.Random().nextLong());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    /**
     * One spoiled request; {@code headers} are extra name, value pairs. A request that reads only
     * ({@code mustBeRefused} false: a GET asked for another type may still be served) must write
     * nothing and never answer 5xx.
     */
    record Attack(String what, String method, String path, String body, String contentType, String key,
                  String correlationId, List<String> headers, boolean mustBeRefused) {
        Attack(String what, String method, String path, String body, String contentType, String key,
               String correlationId) {
            this(what, method, path, body, contentType, key, correlationId, List.of(), true);
        }

        @Override
        public String toString() {
            return what + ": " + method + " " + abbreviate(path) + " Content-Type=" + contentType + " Key="
                    + (key == null ? null : abbreviate(key)) + " Correlation=" + correlationId + " " + headers
                    + " body=" + (body == null ? null : abbreviate(body));
        }
    }

    @Test
    void noHostileRequestToAnyEndpointIsAnythingButA4xxProblemAndNoneWritesAnything() {
        World world = Endpoints.world(ledger, api);
        Map<String, BiFunction<World, Who, Call>> samples = Endpoints.samples(ledger);
        Who admin = world.byRole().get("ADMIN");
        // jqwik's samples draw from this thread's source of randomness: seeded, a run is replayed
        net.jqwik.engine.SourceOfRandomness.create(Long.toString(SEED));
        List<Attack> attacks = new ArrayList<>();
        Map<String, HandlerMethod> endpoints = SecurityMatrixTest.apiEndpoints(mappings);
        endpoints.forEach((endpoint, handler) -> {
            assertThat(samples).as("no sample for " + endpoint).containsKey(endpoint);
            Call valid = samples.get(endpoint).apply(world, admin);
            List<Arbitrary<Attack>> ways = endpoint.startsWith("GET ") ? readAttacks(valid, handler)
                    : attacks(valid, takesABody(handler), answersABody(handler));
            ways.forEach(way -> attacks.add(way.sample()));
            for (int i = ways.size(); i < INPUTS_PER_ENDPOINT; i++) {
                attacks.add(Arbitraries.oneOf(ways).sample());
            }
        });
        String stamp = settledStamp();
        String before = books.fingerprint();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (Attack attack : attacks) {
            List<String> headers = new ArrayList<>(List.of("Content-Type", String.valueOf(attack.contentType()),
                    "Idempotency-Key", String.valueOf(attack.key()), "X-Correlation-Id",
                    String.valueOf(attack.correlationId())));
            for (int i = 0; i < headers.size(); i += 2) {
                if ("null".equals(headers.get(i + 1))) {
                    headers.set(i + 1, null);
                }
            }
            headers.addAll(attack.headers());
            Api.Response response = api.request(attack.method(), attack.path(), attack.body(), true,
                    headers.toArray(String[]::new));
            boolean clean = !response.text().matches("(?s).*(Exception|org\\.|java\\.|SQL|\\tat ).*");
            boolean problem = response.status() >= 400 && response.status() < 500
                    && response.contentType().startsWith("application/problem+json") && clean;
            boolean acceptable = attack.mustBeRefused() ? problem : response.status() < 500 && clean;
            if (!acceptable) {
                failures.add(attack + "\n  → " + response.status() + " " + response.contentType() + " "
                        + abbreviate(response.text()));
            }
            String after = stamp();
            if (!after.equals(stamp)) {
                failures.add(attack + "\n  → wrote: " + changed(stamp, after));
                stamp = after;
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        System.out.printf("FuzzTest: %d inputs on %d endpoints in %d s, seed %d (-Dmlc.fuzz.seed=%d replays it)%n",
                attacks.size(), endpoints.size(), seconds, SEED, SEED);
        assertThat(failures).as("answers that are not a 4xx problem, or requests that wrote (seed " + SEED + ")")
                .isEmpty();
        assertThat(books.fingerprint()).as("nothing written").isEqualTo(before);
        books.assertBalanced();
    }

    /**
     * Per table (as {@code Books.fingerprint} chooses them): its number of rows and the newest
     * transaction that wrote one. An insert, an update or a delete changes one of them; it reads no
     * row's content, so it is cheap enough to take after every request.
     */
    private String stamp() {
        List<String> tables = jdbc.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                + "AND tablename NOT IN ('flyway_schema_history', 'token_entry', 'seal', 'seal_event', 'seal_aggregate') "
                + "ORDER BY tablename", String.class);
        String union = tables.stream().map(table -> "SELECT '" + table + "' || '=' || count(*) || ':' || "
                + "coalesce(max(xmin::text::bigint), 0) AS s FROM " + table).collect(java.util.stream.Collectors
                .joining(" UNION ALL "));
        // sorted here: with this many tables the planner may append their counts in parallel, in any order
        return String.join("\n", jdbc.queryForList(union, String.class).stream().sorted().toList());
    }

    /** The stamp once the views have caught up with the samples' set-up (it stops changing). */
    private String settledStamp() {
        String previous = stamp();
        for (int same = 0, tries = 0; same < 3 && tries < 300; tries++) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String now = stamp();
            // a bulk job of an earlier test (or of the samples' set-up) still running writes in bursts
            // with pauses: the tables are settled once none is left running
            boolean bulkRunning = jdbc.queryForObject("SELECT count(*) FROM bulk_job WHERE status = ?",
                    Long.class, BulkJobs.RUNNING) > 0;
            same = now.equals(previous) && !bulkRunning ? same + 1 : 0;
            previous = now;
        }
        return previous;
    }

    private static String changed(String before, String after) {
        List<String> was = List.of(before.split("\n"));
        return java.util.Arrays.stream(after.split("\n")).filter(line -> !was.contains(line))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The handler answers a body (a 204 has no type the client could refuse). */
    private static boolean answersABody(HandlerMethod handler) {
        org.springframework.core.ResolvableType type = org.springframework.core.ResolvableType.forMethodParameter(
                handler.getReturnType());
        if (org.springframework.http.HttpEntity.class.isAssignableFrom(handler.getReturnType().getParameterType())) {
            type = type.as(org.springframework.http.HttpEntity.class).getGeneric(0);
        }
        Class<?> body = type.resolve(Object.class);
        return body != void.class && body != Void.class;
    }

    private static boolean takesABody(HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) {
                return true;
            }
        }
        return false;
    }

    /** Ways of spoiling a valid call that changes something; each is certainly wrong in at least one way. */
    private static List<Arbitrary<Attack>> attacks(Call valid, boolean takesABody, boolean answersABody) {
        String key = UUID.randomUUID().toString();
        Attack base = new Attack("", valid.method(), valid.path(), valid.body(), "application/json", key, null);
        List<Arbitrary<Attack>> ways = new ArrayList<>();
        ways.add(badKeys().map(bad -> with(base, "idempotency key", base.body(), base.contentType(), bad,
                base.path(), null)));
        ways.add(badIds().map(id -> with(base, "path id", base.body(), base.contentType(), key,
                replaceId(base.path(), id), null)));
        ways.add(Arbitraries.of("a b", "x".repeat(65), "<script>", "a/b").map(corr -> with(base, "correlation id",
                base.body(), base.contentType(), key, base.path(), corr)));
        // a sample sent without a body (an optional one) has no body to spoil
        if (takesABody && valid.body() != null) {
            ways.add(badBodies(valid.body()).map(body -> with(base, "body", body, base.contentType(), key,
                    base.path(), null)));
            // a CSV body (the bank statement) has no JSON fields to spoil
            if (valid.contentType() == null || valid.contentType().startsWith("application/json")) {
                ways.add(fieldNames(valid.body()).flatMap(field -> badValues(isAmount(valid.body(), field),
                        ZERO_ALLOWED_FIELDS.contains(field))
                        .map(value -> with(base, "field " + field, replaceField(valid.body(), field, value),
                                base.contentType(), key, base.path(), null))));
            }
            // text/plain is a fair way to send a CSV file: only for JSON bodies is it certainly wrong
            boolean csv = valid.contentType() != null && valid.contentType().startsWith("text/csv");
            ways.add((csv ? Arbitraries.of("application/xml", "application/x-www-form-urlencoded", "image/png")
                    : Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded"))
                    .map(type -> with(base, "content type", base.body(), type, key, base.path(), null)));
            if (csv) {
                ways.add(hostileCsvCells(valid.body()).map(body -> with(base, "CSV cell", body, base.contentType(),
                        key, base.path(), null)));
            } else {
                List<String> numbers = leaves(valid.body(), FuzzTest::isNumeric);
                if (!numbers.isEmpty()) {
                    ways.add(Arbitraries.of(numbers).flatMap(leaf -> hostileNumbers(isText(valid.body(), leaf)).map(number -> with(base,
                            "number " + leaf, replaceRaw(valid.body(), leaf, number), base.contentType(), key,
                            base.path(), null))));
                }
                List<String> dates = leaves(valid.body(), node -> node.isTextual() && isDate(node.textValue()));
                if (!dates.isEmpty()) {
                    ways.add(Arbitraries.of(dates).flatMap(leaf -> hostileDates().map(date ->
                            with(base, "date " + leaf, replaceRaw(valid.body(), leaf, JSON_STRING.apply(date)),
                                    base.contentType(), key, base.path(), null))));
                }
                List<String> texts = leaves(valid.body(), node -> node.isTextual() && !isNumeric(node)
                        && !isDate(node.textValue()));
                texts.removeIf(leaf -> leaf.endsWith("/password"));
                if (!texts.isEmpty()) {
                    ways.add(Arbitraries.of(texts).flatMap(leaf -> hostileNames().map(name -> with(base,
                            "text " + leaf, replaceRaw(valid.body(), leaf, escaped(name)), base.contentType(), key,
                            base.path(), null))));
                }
            }
        }
        // not one type, whatever the body: refused before any command (it was a 500)
        ways.add(Arbitraries.of("*/*", "application/*", "application/*+json", "*/json", "text/", "json")
                .map(type -> with(base, "content type", base.body(), type, key, base.path(), null)));
        // an answer the client cannot take: refused before anything is sent (it was a 406 after the commit);
        // an answer without a body has no type to refuse
        if (answersABody) {
            ways.add(Arbitraries.of("application/xml", "text/csv", "image/png", "text/html", "x/y/z",
                    "application/pdf").map(accept -> new Attack("accept", base.method(), base.path(), base.body(),
                    valid.contentType() == null ? "application/json" : valid.contentType(), key, null,
                    List.of("Accept", accept), true)));
        }
        // a wrong key and a wrong type asked for at once
        ways.add(badKeys().map(bad -> new Attack("key and accept", base.method(), base.path(), base.body(),
                valid.contentType() == null ? "application/json" : valid.contentType(), bad, null,
                List.of("Accept", "application/xml"), true)));
        return ways;
    }

    /**
     * Ways of spoiling a read: an unknown or malformed id, a bad correlation id and dates out of range
     * are refused; an {@code Accept} the answer does not match may be refused or served, but never
     * writes or fails.
     */
    private static List<Arbitrary<Attack>> readAttacks(Call valid, HandlerMethod handler) {
        Attack base = new Attack("", "GET", valid.path(), null, null, null, null);
        List<Arbitrary<Attack>> ways = new ArrayList<>();
        if (valid.path().split("\\?")[0].split("/").length > 4) {
            // a well-formed id nothing has may be read as an empty list (a currency's payouts): not refused, but
            // it writes nothing and does not fail
            ways.add(badIds().map(id -> new Attack("path id", "GET", replaceId(base.path(), id), null, null, null,
                    null, List.of(), !id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"))));
        }
        ways.add(Arbitraries.of("a b", "x".repeat(65), "<script>", "a/b").map(corr -> with(base, "correlation id",
                null, null, null, base.path(), corr)));
        ways.add(Arbitraries.of("application/xml", "image/png", "x/y/z", "text/html;q=0.9, application/pdf")
                .map(accept -> new Attack("accept", "GET", base.path(), null, null, null, null,
                        List.of("Accept", accept), false)));
        List<String> dateParameters = new ArrayList<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            String name = param == null ? null : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
            if (name != null && List.of("from", "to", "date", "month", "day").contains(name)) {
                dateParameters.add(name);
            }
        }
        if (!dateParameters.isEmpty()) {
            ways.add(Arbitraries.of(dateParameters).flatMap(name -> hostileDates().map(date ->
                    with(base, "date " + name, null, null, null, withQuery(valid.path(), name, date), null))));
        }
        return ways;
    }

    /** The path with its query parameter {@code name} set to {@code value} (added if absent). */
    private static String withQuery(String path, String name, String value) {
        String encoded = java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        String[] parts = path.split("\\?", 2);
        List<String> query = new ArrayList<>();
        if (parts.length > 1) {
            for (String pair : parts[1].split("&")) {
                if (!pair.startsWith(name + "=")) {
                    query.add(pair);
                }
            }
        }
        query.add(name + "=" + encoded);
        return parts[0] + "?" + String.join("&", query);
    }

    /** Numbers no field takes: huge or tiny exponents, thousands of digits, and what JSON has not (NaN, hex, +). */
    private static Arbitrary<String> hostileNumbers(boolean quotedToo) {
        // a quoted "+1" is read as 1 by a whole-number field (Jackson's coercion): only an amount refuses it
        List<String> fixed = new ArrayList<>(List.of("1E+999999999", "-1E+999999999", "1e999999999",
                "1E+2147483647", "1E+2147483648", "1E-2147483647", "9E-999999999", "0.1E+999999999", "NaN", "Infinity",
                "-Infinity", "0x10", "+1"));
        if (quotedToo) {
            fixed.addAll(List.of("\"1E+999999999\"", "\"NaN\"", "\"0x10\"", "\"+1\"", "\"1e3\""));
        }
        return Arbitraries.oneOf(
                Arbitraries.of(fixed),
                Arbitraries.integers().between(400, 9_999).map(exponent -> "7E+" + exponent),
                Arbitraries.integers().between(1_001, 20_000).map(digits -> "1" + "0".repeat(digits)),
                Arbitraries.integers().between(1_001, 20_000).map(digits -> "0." + "0".repeat(digits) + "1"));
    }

    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}(-[0-9]{2})?");

    private static boolean isDate(String text) {
        return DATE.matcher(text).matches();
    }

    /** Days (or months, where the sample names a month) out of 2000–2100, or not days at all. */
    private static Arbitrary<String> hostileDates() {
        return Arbitraries.of("+294277-01-01", "+999999999-12-31", "-0001-01-01", "1999-12-31", "2101-01-01",
                "2026-02-30", "2026-13-01", "99999-01-01", "+999999999-12", "1999-12", "2101-01", "2026-13",
                "2026-00", "0000-01-01", "2026-01-01T00:00:00Z");
    }

    /**
     * Text a person would be misled by, or that is not text: halves of surrogate pairs, direction
     * overrides and isolates, zero-width characters, controls. (A field that is not a name refuses
     * them as well: ids, codes, enums.)
     */
    private static Arbitrary<String> hostileNames() {
        return Arbitraries.oneOf(
                Arbitraries.of("\ud800", "a\udc00", "\udc00\ud800b", "Bob\u202egnp.exe", "\u202dBob",
                        "\u2066Bob\u2069", "Bo\u200bb", "Bo\u200db", "Bob\u2060", "\ufeffBob", "Bob\u0000",
                        "Bob\u001b[31m", "Bob\u0085"),
                Arbitraries.of(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200B,
                        0x200C, 0x200D, 0x2060, 0xFEFF).map(c -> "Na" + (char) (int) c + "me"));
    }

    /** The CSV sample with one cell of its second record made hostile (a character, a date, a number). */
    private static Arbitrary<String> hostileCsvCells(String csv) {
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n", -1)));
        List<String> cells = List.of(lines.get(1).split(",", -1));
        return Arbitraries.integers().between(0, cells.size() - 1).flatMap(column -> Arbitraries.oneOf(
                        Arbitraries.of("Bob\u202egnp", "a\u200bb", "\u2066x\u2069", "a\u0007b")
                                .map(bad -> cells.get(column) + bad),
                        hostileDates(), Arbitraries.of("1E+999999999", "NaN", "0x10", "+1"))
                .map(bad -> {
                    List<String> spoiled = new ArrayList<>(cells);
                    spoiled.set(column, bad);
                    List<String> result = new ArrayList<>(lines);
                    result.set(1, String.join(",", spoiled));
                    return String.join("\r\n", result);
                }));
    }

    /** The leaf is a string in the sample (an amount), not a JSON number. */
    private static boolean isText(String body, String pointer) {
        try {
            return JSON.readTree(body).at(pointer).isTextual();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isNumeric(JsonNode node) {
        return node.isNumber() || node.isTextual() && node.textValue().matches("[0-9]+(\\.[0-9]+)?");
    }

    /** JSON pointers of the scalar leaves of a JSON body that {@code which} picks. */
    private static List<String> leaves(String body, java.util.function.Predicate<JsonNode> which) {
        List<String> found = new ArrayList<>();
        try {
            collect(JSON.readTree(body), "", which, found);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private static void collect(JsonNode node, String at, java.util.function.Predicate<JsonNode> which,
                                List<String> found) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), at + "/" + e.getKey(), which, found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), at + "/" + i, which, found);
            }
        } else if (which.test(node)) {
            found.add(at);
        }
    }

    private static final String RAW = "\u0000raw\u0000";

    /** The body with the leaf at {@code pointer} replaced by {@code raw}, written as is (it may not be JSON). */
    private static String replaceRaw(String body, String pointer, String raw) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode parent = root.at(pointer.substring(0, pointer.lastIndexOf('/')));
            String last = pointer.substring(pointer.lastIndexOf('/') + 1);
            if (parent.isArray()) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(Integer.parseInt(last),
                        JSON.getNodeFactory().textNode(RAW));
            } else {
                ((ObjectNode) parent).put(last, RAW);
            }
            return JSON.writeValueAsString(root).replace(JSON.writeValueAsString(RAW), raw);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.function.Function<String, String> JSON_STRING = text -> {
        try {
            return JSON.writeValueAsString(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    };

    /** A JSON string with every character outside printable ASCII escaped: a lone surrogate arrives as one. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    private static Attack with(Attack base, String what, String body, String contentType, String key, String path,
                               String correlationId) {
        return new Attack(what, base.method(), path, body, contentType, key, correlationId);
    }

    private static Arbitrary<String> badKeys() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.just(""),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(201).ofMaxLength(400),
                // the HTTP client sends no control or non-ASCII characters in a header; the server sees few
                Arbitraries.strings().withChars(" \t").ofMinLength(1).ofMaxLength(10).map(s -> "k" + s + "k"));
    }

    private static Arbitrary<String> badIds() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').ofLength(65),
                Arbitraries.of("%2e%2e", "%00", "%20", "a%2Fb", "%C3%A9", "..;", "a;b=c", "%25"),
                // well formed, but nothing has this id
                Arbitraries.create(() -> UUID.randomUUID().toString()));
    }

    private static Arbitrary<String> badBodies(String valid) {
        return Arbitraries.oneOf(
                Arbitraries.of("", "null", "[]", "42", "\"text\"", "{", "}", "{\"a\":", "[{}]", "{}{}"),
                Arbitraries.integers().between(1, Math.max(1, valid.length() - 1)).map(n -> valid.substring(0, n)),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(200).map(s -> "{" + s),
                Arbitraries.integers().between(2_000, 20_000).map(depth -> "[".repeat(depth) + "]".repeat(depth)),
                Arbitraries.just(valid.replaceFirst("\\{", "{\"unknown\":1,")),
                Arbitraries.just("{\"pad\":\"" + "x".repeat(300_000) + "\"}"));
    }

    /** Rates, where "0" is a valid value (no fee, no donation): fuzzed as other fields, not as amounts. */
    private static final java.util.Set<String> FRACTION_FIELDS = java.util.Set.of("share", "reconversionFee");
    /** Amounts that may be zero (no minimum fee, an empty drawer counted): fuzzed without the zeros. */
    private static final java.util.Set<String> ZERO_ALLOWED_FIELDS = java.util.Set.of("minimumFee", "membershipFee",
            "countedCash", "countedCard", "countedCheque");

    private static boolean isAmount(String body, String field) {
        if (FRACTION_FIELDS.contains(field)) {
            return false;
        }
        try {
            return JSON.readTree(body).path(field).asText().matches("[0-9]+(\\.[0-9]+)?");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Values wrong for any field of any endpoint (a scalar may be coerced to a valid string), and
     * bad amounts for the amount fields.
     */
    private static Arbitrary<JsonNode> badValues(boolean amount, boolean zeroAllowed) {
        Arbitrary<String> badAmounts = Arbitraries.oneOf(
                Arbitraries.of("-5", "0", "0.00", "20.001", "1e3", "1 000", "NaN", "Infinity", "100000000.01",
                        "99999999999999999999", "0x10", "+1", "1,5", ""),
                Arbitraries.longs().lessOrEqual(0).map(String::valueOf),
                Arbitraries.integers().between(3, 12).map(decimals -> "1." + "1".repeat(decimals)))
                .filter(value -> !zeroAllowed || !value.matches("0(\\.0+)?"));
        Arbitrary<JsonNode> anyField = Arbitraries.oneOf(
                Arbitraries.just(JSON.createArrayNode().add(1)),
                Arbitraries.just(JSON.createObjectNode().put("nested", true)),
                Arbitraries.strings().ofMinLength(2_000).ofMaxLength(5_000).map(JSON.getNodeFactory()::textNode),
                Arbitraries.strings().withChars("\u0000\u0001\n\u001b").ofMinLength(1).ofMaxLength(5)
                        .map(s -> JSON.getNodeFactory().textNode("a" + s)));
        return amount ? Arbitraries.oneOf(anyField, badAmounts.map(JSON.getNodeFactory()::textNode)) : anyField;
    }

    private static Arbitrary<String> fieldNames(String body) {
        List<String> names = new ArrayList<>();
        try {
            JSON.readTree(body).fieldNames().forEachRemaining(names::add);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Arbitraries.of(names);
    }

    private static String replaceField(String body, String field, JsonNode value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(body);
            node.set(field, value);
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The path with its first id (the segment after the collection) replaced. */
    private static String replaceId(String path, String id) {
        String[] segments = path.split("/");
        if (segments.length < 5) {
            return path + "/" + id;
        }
        segments[4] = id;
        return String.join("/", segments);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
