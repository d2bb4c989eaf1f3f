/**
 * Applications made by people without an account: a merchant asking for its agrément, a person
 * asking to join. Each is an aggregate recording who decided it and why; an approval registers
 * the participant with its account in the same unit of work.
 */
package org.mlc.ledger.application;
