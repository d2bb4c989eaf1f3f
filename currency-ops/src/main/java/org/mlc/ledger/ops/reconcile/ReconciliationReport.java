package org.mlc.ledger.ops.reconcile;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** What a reconciliation read and found: figures, and each invariant with its verdict. */
public record ReconciliationReport(
        long eventsRead,
        long lastGlobalIndex,
        long postingsRead,
        long accountsFolded,
        long ledgerBalanceRows,
        long accountViewRows,
        List<Check> checks) {

    public ReconciliationReport {
        checks = List.copyOf(checks);
    }

    /** One invariant of docs/DESIGN.md, numbered as there; lines are figures or findings. */
    public record Check(int invariant, String title, Status status, List<String> lines, long unlistedCount,
                        String note) {

        /** WARNING holds, with a reservation the report explains. */
        public enum Status { OK, WARNING, FAILED, NOT_CHECKED }

        public Check {
            lines = List.copyOf(lines);
        }
    }

    public boolean allHold() {
        return failed().isEmpty();
    }

    public List<Check> failed() {
        return checks.stream().filter(check -> check.status() == Check.Status.FAILED).toList();
    }

    public void print(PrintWriter out) {
        out.printf(Locale.ROOT, "events read     %,d (last global index %,d), %,d postings%n",
                eventsRead, lastGlobalIndex, postingsRead);
        out.printf(Locale.ROOT, "accounts folded %,d (projections: %,d ledger_balance rows, %,d account_view rows)%n",
                accountsFolded, ledgerBalanceRows, accountViewRows);
        out.println();
        for (Check check : checks) {
            out.printf(Locale.ROOT, "%d. %-68s %s%n", check.invariant(), check.title(), verdict(check.status()));
            for (String line : check.lines()) {
                out.println("     " + line);
            }
            if (check.unlistedCount() > 0) {
                out.printf(Locale.ROOT, "     ... and %,d more not listed%n", check.unlistedCount());
            }
            if (check.note() != null) {
                out.println("     (" + check.note() + ")");
            }
        }
        out.println();
        if (allHold()) {
            out.println("RESULT: OK, every invariant checked holds");
        } else {
            List<String> numbers = failed().stream().map(check -> Integer.toString(check.invariant())).toList();
            out.println("RESULT: FAILED, " + (numbers.size() == 1
                    ? "invariant " + numbers.get(0) + " does not hold"
                    : "invariants " + String.join(", ", numbers) + " do not hold"));
        }
        out.flush();
    }

    private static String verdict(Check.Status status) {
        return switch (status) {
            case OK -> "OK";
            case WARNING -> "OK, with a warning";
            case FAILED -> "FAILED";
            case NOT_CHECKED -> "not checked yet";
        };
    }
}
