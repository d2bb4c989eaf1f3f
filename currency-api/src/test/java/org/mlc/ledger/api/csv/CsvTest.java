package org.mlc.ledger.api.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void writesAFieldBareUnlessItHoldsACommaAQuoteOrALineBreak() {
        // bytes as the exports wrote them before Commons CSV: a leading '#', '!' or space stays bare
        assertThat(Csv.line(Arrays.asList("a b", "#x", " lead", "trail ", "", null, "-5.00", "!x", "é")))
                .isEqualTo("a b,#x, lead,trail ,,,-5.00,!x,é\r\n");
        assertThat(Csv.line(List.of("x,y", "q\"q", "l\nf", "c\rr")))
                .isEqualTo("\"x,y\",\"q\"\"q\",\"l\nf\",\"c\rr\"\r\n");
        assertThat(Csv.line(Arrays.asList(null, "a"))).isEqualTo(",a\r\n");
        assertThat(Csv.line(List.of("", "a"))).isEqualTo(",a\r\n");
    }

    @Test
    void writesACellThatASpreadsheetWouldRunAsTextAndLeavesPlainNumbers() {
        assertThat(Csv.line(List.of("=cmd|' /C calc'!A0", "@SUM(1+9)", "+33 6 12", "-2+3", "\t=1", "\r=1", "-")))
                .isEqualTo("'=cmd|' /C calc'!A0,'@SUM(1+9),'+33 6 12,'-2+3,'\t=1,\"'\r=1\",'-\r\n");
        assertThat(Csv.line(List.of("+HYPERLINK(\"http://x\",\"y\")")))
                .isEqualTo("\"'+HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n");
        assertThat(Csv.line(List.of("-12.50", "-12,50", "-3", "12.50", "a=b", "2026-01-31")))
                .isEqualTo("-12.50,\"-12,50\",-3,12.50,a=b,2026-01-31\r\n");
        assertThat(Csv.write(List.of("name"), List.of(java.util.Map.of("name", "@x")))).isEqualTo("name\r\n'@x\r\n");
    }

    @Test
    void writesAHeaderThenTheColumnsOfEachRow() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("amount", "12.50");
        row.put("line", 1L);
        assertThat(Csv.write(List.of("line", "amount", "reference"), List.of(row)))
                .isEqualTo("line,amount,reference\r\n1,12.50,\r\n");
    }

    @Test
    void readsRecordsWithTheLineEachStartsOnAndSkipsEmptyLines() {
        List<Csv.Record> records = Csv.read("h1,h2\r\n\r\n  \n\"a\nb\",\"c \"\"d\"\"\"\nab\"c,\n", 100);
        assertThat(records).extracting(Csv.Record::line).containsExactly(1, 4, 6);
        assertThat(records.get(1).fields()).containsExactly("a\nb", "c \"d\"");
        assertThat(records.get(2).fields()).containsExactly("ab\"c", "");
    }

    @Test
    void readsNoMoreThanItIsAskedToAndCountsNoEmptyLine() {
        assertThat(Csv.read("a\nb\nc\nd\n", 2)).hasSize(2);
        assertThat(Csv.read("a\n \n\n  \nb\nc\n", 2)).extracting(Csv.Record::line).containsExactly(1, 5);
    }

    @Test
    void numbersTheLinesOfALongFileWithEmptyLinesAndQuotedLineBreaks() {
        // 10,000 records (an upload's limit): after every 1,000th an empty line, record 5,000 spans two lines
        StringBuilder text = new StringBuilder("key,units\r\n");
        List<Integer> expected = new java.util.ArrayList<>(List.of(1));
        int line = 2;
        for (int i = 1; i <= 10_000; i++) {
            expected.add(line);
            text.append(i == 5_000 ? "\"k\r\n" + i + "\",1.00\r\n" : "k" + i + ",1.00\r\n");
            line += i == 5_000 ? 2 : 1;
            if (i % 1_000 == 0) {
                text.append("\r\n");
                line++;
            }
        }
        List<Csv.Record> records = Csv.read(text.toString(), 20_000);
        assertThat(records).extracting(Csv.Record::line).containsExactlyElementsOf(expected);
        assertThat(records.get(5_000).fields()).containsExactly("k\r\n5000", "1.00");
        // the header, the records, 9 empty lines before the last, one record on two lines
        assertThat(records.get(10_000).line()).isEqualTo(1 + 10_000 + 9 + 1);
        // a malformed record near the end is named by its line
        int lastLine = line;
        assertThatThrownBy(() -> Csv.read(text + "\"open,x\r\n", 20_000))
                .isInstanceOfSatisfying(Csv.MalformedException.class, e -> assertThat(e.line()).isEqualTo(lastLine));
    }

    @Test
    void namesTheLineOfAMalformedRecord() {
        assertThatThrownBy(() -> Csv.read("h\nok\n\n\"open,x\nmore\n", 100))
                .isInstanceOfSatisfying(Csv.MalformedException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.getMessage()).isEqualTo("has an unclosed quote");
                });
        assertThatThrownBy(() -> Csv.read("h\n\"ab\"c,d\n", 100))
                .isInstanceOfSatisfying(Csv.MalformedException.class, e -> assertThat(e.line()).isEqualTo(2));
    }
}
