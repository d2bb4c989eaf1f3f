package org.mlc.ledger.reconversion;

/** What brought euros into the guarantee fund (the event that carries the postings). */
public enum InflowSource {
    /** A counter's remittance confirmed ({@code RemittanceConfirmed}, id: the remittance). */
    REMITTANCE,
    /** The association covering a counter's shortfall ({@code ShortfallCovered}, id: the covering). */
    SHORTFALL_COVERING,
    /** A sponsor's payment into the fund ({@code SponsorPaymentReceived}, id: the budget). */
    SPONSOR_PAYMENT,
    /** A CCAS's aid funding confirmed ({@code AidFundingReceived}, id: the funding). */
    AID_FUNDING,
    /** A funder's euros for a direct issuance confirmed ({@code IssuanceFundsReceived}, id: the issuance). */
    ISSUANCE
}
