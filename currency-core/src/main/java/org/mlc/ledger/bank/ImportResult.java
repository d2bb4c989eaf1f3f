package org.mlc.ledger.bank;

import java.util.List;

/** What a statement import answers: each line and what became of it. */
public record ImportResult(String statementId, List<LineResult> lines) {
}

