package org.mlc.ledger.api.participant;

import java.util.Optional;
import org.mlc.ledger.api.web.RequestValues;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.participant.MemberNumbers;
import org.springframework.stereotype.Component;

/**
 * The one place where a participant named by a person is found: wherever a request, a form or an
 * uploaded file names a participant (a payee, a beneficiary, a member at the counter, a merchant),
 * it may give the participant's id or its member number ({@code BOUSOL-000123}; any case, leading
 * zeros optional: {@code bousol-123} is the same). Every controller, page and bulk file reads such
 * a field through here.
 * <p>
 * A member number is looked up in the directory view and must be known (404 {@code not-found}
 * naming the field, or when it is of another currency than the one the request is about: the
 * number names its currency). An id is checked for its shape only and passed on as it was before
 * numbers, so that the domain, which knows every participant even when the view lags, decides
 * whether it exists.
 */
@Component
public class ParticipantRefs {

    private final ParticipantQueries participants;

    public ParticipantRefs(ParticipantQueries participants) {
        this.participants = participants;
    }

    /**
     * The participant named by {@code value} (an id or a member number) in the field {@code field}:
     * 400 when blank or not shaped like either, 404 for an unknown member number.
     */
    public ParticipantId participant(String value, String field) {
        return participant(value, field, null);
    }

    /**
     * The same, for a request about one currency ({@code currency}, null: any): a member number of
     * another currency is not found there (404).
     */
    public ParticipantId participant(String value, String field, String currency) {
        return byNumber(value, field, currency).map(p -> ParticipantId.of(p.id()))
                .orElseGet(() -> ParticipantId.of(RequestValues.id(value, field)));
    }

    /**
     * The account named by {@code value} in {@code field}: an account id (passed on as it is) or a
     * member number (the account of its participant); 404 for an unknown member number.
     */
    public AccountId account(String value, String field) {
        return account(value, field, null);
    }

    /** The same, for a request about one currency ({@code currency}, null: any). */
    public AccountId account(String value, String field, String currency) {
        return byNumber(value, field, currency).map(p -> AccountId.of(p.accountId()))
                .orElseGet(() -> AccountId.of(RequestValues.id(value, field)));
    }

    /**
     * The participant a member number names, empty when {@code value} is not shaped like a member
     * number or is an id of that shape; refused when it is a number no participant has.
     */
    private Optional<ParticipantQueries.Participant> byNumber(String value, String field, String currency) {
        Optional<String> number = MemberNumbers.canonical(value);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        Optional<ParticipantQueries.Participant> found = participants.findByNumber(number.get())
                .filter(p -> currency == null || p.currency().equals(currency));
        if (found.isEmpty() && participants.find(value.strip()).isEmpty()) {
            throw DomainException.notFound("member-number-unknown", "no participant here has the member number {0}",
                    number.get()).naming(field);
        }
        return found;
    }
}
