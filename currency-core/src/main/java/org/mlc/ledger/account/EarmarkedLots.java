package org.mlc.ledger.account;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.GrantId;
import org.mlc.ledger.money.Money;

/**
 * An account's earmarked lots of CCAS aid with units left, in the order they were granted:
 * received, spent at merchants of their filières (soonest expiry first), returned at expiry.
 */
final class EarmarkedLots {

    private final List<EarmarkedLot> lots = new ArrayList<>();

    /** Units held under an earmark (expired or not, until they are returned). */
    long earmarkedMinor() {
        return lots.stream().mapToLong(EarmarkedLot::remainingMinor).sum();
    }

    List<EarmarkedLot> list() {
        return List.copyOf(lots);
    }

    /** The lots with units left whose expiry date is before {@code today}, soonest first. */
    List<EarmarkedLot> expired(LocalDate today) {
        return lots.stream().filter(lot -> lot.expiresOn().isBefore(today) && lot.remainingMinor() > 0)
                .sorted(Comparator.comparing(EarmarkedLot::expiresOn)).toList();
    }

    EarmarkedLot get(AccountId account, GrantId grantId) {
        return lots.stream().filter(l -> l.grantId().equals(grantId)).findFirst()
                .orElseThrow(() -> new IllegalStateException("account " + account + " holds no lot " + grantId));
    }

    /**
     * The lots a payment of {@code amountMinor} to a merchant of {@code filiere} (null: not a
     * merchant) takes, given {@code freeMinor} free units above the floor; or the refusal
     * ({@code earmark-not-allowed}) when the balance would do but its earmarks may not go there.
     */
    List<EarmarkedUnitsSpent.Draw> draws(AccountId account, CurrencyCode currency, long amountMinor, String filiere,
            LocalDate today,
                                         long freeMinor) {
        if (lots.isEmpty() || amountMinor <= freeMinor && filiere == null) {
            return List.of();
        }
        List<EarmarkedLot> usable = lots.stream()
                .filter(lot -> filiere != null && lot.filieres().contains(filiere) && !today.isAfter(lot.expiresOn()))
                .sorted(Comparator.comparing(EarmarkedLot::expiresOn))
                .toList();
        long usableMinor = usable.stream().mapToLong(EarmarkedLot::remainingMinor).sum();
        if (amountMinor > Math.addExact(usableMinor, Math.max(0, freeMinor))) {
            Money spendable = Money.of(Math.max(0, usableMinor + Math.max(0, freeMinor)), currency.value());
            throw filiere == null
                    ? DomainException.refused("earmark-not-allowed", "earmark.not-allowed-outside-merchant",
                            "account {0} may spend {1} outside a merchant, less than {2}: the rest of its balance is "
                                    + "earmarked to other filières or expired",
                            account, spendable, Money.of(amountMinor, currency.value()))
                    : DomainException.refused("earmark-not-allowed", "earmark.not-allowed",
                            "account {0} may spend {1} at a merchant of {2}, less than {3}: the rest of its balance is "
                                    + "earmarked to other filières or expired",
                            account, spendable, filiere, Money.of(amountMinor, currency.value()));
        }
        List<EarmarkedUnitsSpent.Draw> draws = new ArrayList<>();
        long left = amountMinor;
        for (EarmarkedLot lot : usable) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remainingMinor());
            draws.add(new EarmarkedUnitsSpent.Draw(lot.grantId(), lot.programId(), take));
            left -= take;
        }
        return draws;
    }

    void received(EarmarkedLotReceived event) {
        lots.add(new EarmarkedLot(event.grantId(), event.programId(), event.unitsMinor(), event.filieres(),
                event.expiresOn()));
    }

    void spent(EarmarkedUnitsSpent event) {
        for (EarmarkedUnitsSpent.Draw draw : event.draws()) {
            for (int i = 0; i < lots.size(); i++) {
                EarmarkedLot lot = lots.get(i);
                if (lot.grantId().equals(draw.grantId())) {
                    long left = lot.remainingMinor() - draw.unitsMinor();
                    if (left == 0) {
                        lots.remove(i);
                    } else {
                        lots.set(i, new EarmarkedLot(lot.grantId(), lot.programId(), left, lot.filieres(),
                                lot.expiresOn()));
                    }
                    break;
                }
            }
        }
    }

    void expired(EarmarkExpired event) {
        lots.removeIf(lot -> lot.grantId().equals(event.grantId()));
    }
}
