package org.mlc.ledger.participant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.ParticipantId;

/**
 * The member numbers of one currency: hands out the next one ({@code BOUSOL-000123}) in the unit
 * of work that registers a participant, so that a number is part of the record (the same after a
 * replay and on every node) and not the order in which a projection happened to see the rows.
 * <p>
 * One register per currency rather than the {@code Currency} aggregate itself, so that the
 * currency's own decisions are not appended to on every registration. Created by its first
 * number. Two nodes numbering at once collide on its next sequence number: the second unit of
 * work fails as a concurrency conflict and is sent again (the API's {@code ConflictRetry}); for
 * that, the register's event must be the first one its unit of work records (see
 * {@link #assign}).
 */
@AggregateRoot
public class MemberNumbers {

    /** Digits of the sequence at least; a register past 999,999 numbers writes more. */
    public static final int DIGITS = 6;

    /** A member number as people may type it: the currency code, a dash, digits (case ignored). */
    private static final Pattern NUMBER = Pattern.compile("([A-Za-z][A-Za-z0-9]{1,11})-([0-9]{1,18})");

    @AggregateIdentifier
    private String id;
    private CurrencyCode currency;
    private long last;
    private final Map<ParticipantId, String> numbers = new HashMap<>();

    protected MemberNumbers() {
        // for Axon
    }

    private MemberNumbers(CurrencyCode currency) {
        this.id = idOf(currency);
        this.currency = currency;
    }

    /** One register per currency; its id must not collide with the currency's own. */
    public static String idOf(CurrencyCode currency) {
        return "member-numbers-" + currency.value();
    }

    /** The number written for the {@code sequence}-th participant of {@code currency}. */
    public static String format(CurrencyCode currency, long sequence) {
        return currency.value() + "-" + String.format(Locale.ROOT, "%0" + DIGITS + "d", sequence);
    }

    /**
     * A member number as typed (any case, with or without leading zeros) written as the register
     * writes it, or empty if the text is not shaped like one: {@code bousol-123} is
     * {@code BOUSOL-000123}.
     */
    public static Optional<String> canonical(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        Matcher matcher = NUMBER.matcher(typed.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String digits = matcher.group(2).replaceFirst("^0+(?=.)", "");
        if (digits.length() > 15) {
            return Optional.empty();
        }
        return Optional.of(format(CurrencyCode.of(matcher.group(1).toUpperCase(Locale.ROOT)), Long.parseLong(digits)));
    }

    /**
     * The member number of {@code participantId} in {@code currency}: the one it has, or the next
     * one, recorded now. A handler that registers the participant in the same unit of work calls
     * this before it records anything else, so that a conflict on the register is the first
     * event's, which Axon reports as a concurrency conflict (retried) and not as a second
     * creation of the participant (answered as such).
     */
    public static String assign(Repository<MemberNumbers> registers, CurrencyCode currency,
                                ParticipantId participantId, Instant at) throws Exception {
        Aggregate<MemberNumbers> register = find(registers, currency);
        if (register == null) {
            String[] number = new String[1];
            registers.newInstance(() -> {
                MemberNumbers created = new MemberNumbers(currency);
                number[0] = created.next(participantId, at);
                return created;
            });
            return number[0];
        }
        return register.invoke(r -> r.numbers.containsKey(participantId) ? r.numbers.get(participantId)
                : r.next(participantId, at));
    }

    private static Aggregate<MemberNumbers> find(Repository<MemberNumbers> registers, CurrencyCode currency) {
        try {
            return registers.load(idOf(currency));
        } catch (AggregateNotFoundException e) {
            return null;
        }
    }

    private String next(ParticipantId participantId, Instant at) {
        String number = format(currency, last + 1);
        apply(new MemberNumberAssigned(participantId, currency, number, last + 1, at));
        return number;
    }

    @EventSourcingHandler
    void on(MemberNumberAssigned event) {
        id = idOf(event.currency());
        currency = event.currency();
        last = Math.max(last, event.sequence());
        numbers.put(event.participantId(), event.number());
    }
}
