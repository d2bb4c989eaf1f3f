package org.mlc.ledger.counter;

import java.util.Map;

/**
 * The Z report of one counter day: conversions and euros by means of payment, units sold as
 * electronic credit and as paper, bonus granted, notes received, sold and taken back (by
 * denomination), and the drawer expected, counted and the discrepancy (counted minus expected).
 */
public record DayReport(
        Map<PaidBy, Long> conversions,
        Map<PaidBy, Long> eurosMinor,
        long unitsElectronicMinor,
        long unitsPaperMinor,
        long bonusMinor,
        Map<Integer, Integer> notesReceived,
        Map<Integer, Integer> notesSold,
        Map<Integer, Integer> notesTakenBack,
        Map<PaidBy, Long> expectedMinor,
        Map<PaidBy, Long> countedMinor,
        Map<PaidBy, Long> discrepancyMinor,
        long totalDiscrepancyMinor) {
}
