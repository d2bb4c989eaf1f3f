package org.mlc.ledger.ops.seed;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mlc.ledger.common.AccountId;
import org.mlc.ledger.common.ConversionId;
import org.mlc.ledger.common.CounterId;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.common.ParticipantId;
import org.mlc.ledger.common.TransferId;
import org.mlc.ledger.counter.Conversion;
import org.mlc.ledger.counter.ConvertEuros;
import org.mlc.ledger.counter.DefineCounter;
import org.mlc.ledger.counter.PaidBy;
import org.mlc.ledger.counter.Payout;
import org.mlc.ledger.currency.ConversionPolicy;
import org.mlc.ledger.currency.DefineCurrency;
import org.mlc.ledger.ops.runtime.Processors;
import org.mlc.ledger.participant.ParticipantKind;
import org.mlc.ledger.participant.RegisterParticipant;
import org.mlc.ledger.payment.MakePayment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A realistic deployment for demos and benchmarks: the Bou'Sol (20 € = 21) and la Roue
 * (10 € = 12), counters, merchants across the filières, members, and months of conversions,
 * payments and B2B, all through the domain commands with their time moved month by month.
 * Deterministic for a given random seed; identifiers are derived from names, so a second run
 * would collide with the first and is refused up front.
 */
public final class DemoSeed {

    public static final String BOUSOL = "BOUSOL";
    public static final String ROUE = "ROUE";
    public static final List<String> FILIERES = List.of("ALIMENTATION", "LOISIRS_CULTURE", "SERVICES_PROXIMITE",
            "MOBILITE_DOUCE", "HABITAT_DURABLE");
    private static final List<String> TRADES = List.of("Epicerie", "Boulangerie", "Librairie", "Velociste", "Cinema",
            "Cordonnerie", "Primeur", "Fromagerie", "Menuiserie", "Cafe-theatre", "Bio coop", "Atelier reparation");
    private static final List<String> PLACES = List.of("du port", "des remparts", "de la gare", "du marche",
            "Saint-Pierre", "de la cathedrale", "du quai", "des halles");
    /** Conversion amounts members choose, in euro cents. */
    private static final long[] CONVERSION_EUROS_MINOR = {1000, 2000, 2000, 3000, 4000, 5000, 10000};
    /** A member converts in a given month with this probability, in percent. */
    private static final int CONVERTING_MEMBERS_PERCENT = 65;
    private static final Duration MAX_SETTLING = Duration.ofMinutes(30);

    /** How big the demo is; the defaults are the deployment, tests seed small. */
    public record Size(int members, int merchants, int counters, int months, int paymentsPerMemberPerMonth,
                       YearMonth firstMonth, long randomSeed) {

        public Size {
            if (members < 2 || merchants < 2 || counters < 2 || months < 1 || paymentsPerMemberPerMonth < 0) {
                throw new IllegalArgumentException("a demo needs at least 2 members, 2 merchants, 2 counters (one "
                        + "per currency) and 1 month");
            }
        }
    }

    /** What was done; {@code refused} counts the commands the domain refused, by code. */
    public record Summary(int participants, int counters, long conversions, long payments, long b2bPayments,
                          Map<String, Long> refused) {
    }

    private record Party(ParticipantId id, AccountId account, String currency, boolean merchant) {
    }

    private record Operation(Instant at, Runnable send) {
    }

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final Processors processors;
    private final PrintWriter err;
    private final Size size;
    private final Random random;
    private final List<Party> members = new ArrayList<>();
    private final List<Party> merchants = new ArrayList<>();
    private final List<CounterId> counters = new ArrayList<>();
    private final List<String> counterCurrencies = new ArrayList<>();
    private final Map<AccountId, Long> balances = new HashMap<>();
    private long conversions;
    private long payments;
    private long b2bPayments;
    private final Map<String, Long> refused = new TreeMap<>();
    private long sequence;

    public DemoSeed(CommandGateway commands, JdbcTemplate jdbc, Processors processors, PrintWriter err, Size size) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.processors = processors;
        this.err = err;
        this.size = size;
        this.random = new Random(size.randomSeed());
    }

    /** Whether the demo currencies are already in the event store (read there, not in a projection that may lag). */
    public static boolean alreadySeeded(JdbcTemplate jdbc) {
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)",
                Integer.class, BOUSOL, ROUE);
        return found != null && found > 0;
    }

    public Summary run() {
        Instant start = size.firstMonth().atDay(1).atTime(8, 0).toInstant(ZoneOffset.UTC);
        commands.sendAndWait(new DefineCurrency(CurrencyCode.of(BOUSOL), "Bou'Sol", new ConversionPolicy(2000, 2100),
                500, 300, start));
        commands.sendAndWait(new DefineCurrency(CurrencyCode.of(ROUE), "La Roue", new ConversionPolicy(1000, 1200),
                200, 500, start));
        for (int i = 0; i < size.counters(); i++) {
            // one counter in three sells la Roue, and there is at least one per currency
            String currency = i % 3 == 1 ? ROUE : BOUSOL;
            CounterId id = CounterId.of(id("counter", i));
            commands.sendAndWait(new DefineCounter(id, "Comptoir " + (i + 1) + " " + PLACES.get(i % PLACES.size()),
                    CurrencyCode.of(currency), null, start));
            counters.add(id);
            counterCurrencies.add(currency);
        }
        int participants = 0;
        for (int i = 0; i < size.merchants(); i++) {
            String filiere = FILIERES.get(i % FILIERES.size());
            String name = TRADES.get(i % TRADES.size()) + " " + PLACES.get((i / TRADES.size()) % PLACES.size());
            merchants.add(register(ParticipantKind.MERCHANT, name, i % 3 == 1 ? ROUE : BOUSOL, filiere, "merchant", i,
                    start));
            participants++;
            progress("participants", participants, size.merchants() + size.members());
        }
        for (int i = 0; i < size.members(); i++) {
            members.add(register(ParticipantKind.MEMBER, "Adherent " + (i + 1), i % 3 == 1 ? ROUE : BOUSOL, null,
                    "member", i, start));
            participants++;
            if (participants % 50 == 0 || i == size.members() - 1) {
                progress("participants", participants, size.merchants() + size.members());
            }
        }
        for (String currency : List.of(BOUSOL, ROUE)) {
            register(ParticipantKind.COLLECTIVITE, currency.equals(BOUSOL) ? "Agglomeration du Boulonnais"
                    : "Grand Avignon", currency, null, "collectivite-" + currency, 0, start);
            register(ParticipantKind.CCAS, currency.equals(BOUSOL) ? "CCAS de Boulogne-sur-Mer" : "CCAS d'Avignon",
                    currency, null, "ccas-" + currency, 0, start);
            participants += 2;
        }
        err.println();
        for (int m = 0; m < size.months(); m++) {
            month(size.firstMonth().plusMonths(m));
        }
        processors.awaitCaughtUp(processors.names(), "settling", err, MAX_SETTLING);
        return new Summary(participants, counters.size(), conversions, payments, b2bPayments, refused);
    }

    private void month(YearMonth month) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        // members convert and pay over days 1-25; merchants pay each other over days 26-28, once the
        // saga has credited what members paid them
        List<Operation> operations = new ArrayList<>();
        for (Party member : members) {
            if (random.nextInt(100) < CONVERTING_MEMBERS_PERCENT) {
                Instant at = at(start, 0, 12);
                long euros = CONVERSION_EUROS_MINOR[random.nextInt(CONVERSION_EUROS_MINOR.length)];
                PaidBy paidBy = random.nextInt(10) < 6 ? PaidBy.CASH : random.nextInt(4) < 3 ? PaidBy.CARD : PaidBy.CHEQUE;
                CounterId counter = counterOf(member.currency());
                operations.add(new Operation(at, () -> convert(member, counter, euros, paidBy, at)));
            }
            int count = size.paymentsPerMemberPerMonth() == 0 ? 0 : random.nextInt(2 * size.paymentsPerMemberPerMonth() + 1);
            for (int p = 0; p < count; p++) {
                Instant at = at(start, 2, 23);
                Party merchant = merchantOf(member.currency());
                long amount = 200 + random.nextInt(3300);
                operations.add(new Operation(at, () -> pay(member, merchant, amount, "achat", at)));
            }
        }
        run(month, "members", operations);
        processors.awaitCaughtUp(processors.names(), "credits " + month, err, MAX_SETTLING);
        List<Operation> b2b = new ArrayList<>();
        for (Party merchant : merchants) {
            int count = random.nextInt(4);
            for (int p = 0; p < count; p++) {
                Instant at = at(start, 25, 3);
                Party supplier = merchantOf(merchant.currency());
                if (!supplier.equals(merchant)) {
                    b2b.add(new Operation(at, () -> {
                        long available = balances.getOrDefault(merchant.account(), 0L);
                        long amount = available / (2 + random.nextInt(4));
                        if (amount >= 100 && pay(merchant, supplier, amount, "fournisseur", at)) {
                            b2bPayments++;
                        }
                    }));
                }
            }
        }
        run(month, "B2B", b2b);
    }

    private void run(YearMonth month, String what, List<Operation> operations) {
        operations.sort(Comparator.comparing(Operation::at));
        int done = 0;
        for (Operation operation : operations) {
            operation.send().run();
            if (++done % 100 == 0 || done == operations.size()) {
                progress(month + " " + what, done, operations.size());
            }
        }
        err.println();
    }

    private void convert(Party member, CounterId counter, long euros, PaidBy paidBy, Instant at) {
        try {
            Conversion conversion = commands.sendAndWait(new ConvertEuros(counter,
                    ConversionId.of(id("conversion", sequence++)), member.account(), euros, paidBy, Payout.ACCOUNT, at));
            balances.merge(member.account(), conversion.unitsMinor(), Long::sum);
            conversions++;
        } catch (DomainException e) {
            refused.merge(e.code(), 1L, Long::sum);
        }
    }

    private boolean pay(Party from, Party to, long amount, String reference, Instant at) {
        long available = balances.getOrDefault(from.account(), 0L);
        if (available < amount) {
            return false; // a member does not spend what they do not have
        }
        try {
            commands.sendAndWait(new MakePayment(CurrencyCode.of(from.currency()), TransferId.of(id("transfer", sequence++)),
                    from.account(), to.account(), amount, reference, null, at));
            balances.merge(from.account(), -amount, Long::sum);
            // the payee is credited in the same commit
            balances.merge(to.account(), amount, Long::sum);
            payments++;
            return true;
        } catch (DomainException e) {
            refused.merge(e.code(), 1L, Long::sum);
            return false;
        }
    }

    private Party register(ParticipantKind kind, String name, String currency, String filiere, String what, int n,
                           Instant at) {
        ParticipantId id = ParticipantId.of(id(what + "-participant", n));
        AccountId account = AccountId.of(id(what + "-account", n));
        commands.sendAndWait(new RegisterParticipant(id, kind, name, CurrencyCode.of(currency), account, filiere, at));
        return new Party(id, account, currency, kind == ParticipantKind.MERCHANT);
    }

    private CounterId counterOf(String currency) {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < counters.size(); i++) {
            if (counterCurrencies.get(i).equals(currency)) {
                candidates.add(i);
            }
        }
        return counters.get(candidates.get(random.nextInt(candidates.size())));
    }

    private Party merchantOf(String currency) {
        List<Party> candidates = merchants.stream().filter(m -> m.currency().equals(currency)).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private Instant at(Instant monthStart, int firstDay, int days) {
        return monthStart.plus(Duration.ofDays(firstDay + random.nextInt(days)))
                .plus(Duration.ofMinutes(8 * 60 + random.nextInt(11 * 60)));
    }

    private void progress(String what, long done, long total) {
        err.printf(Locale.ROOT, "\r  %-22s %,d / %,d", what, done, total);
        err.flush();
    }

    /** A stable identifier per name: a second seed would reuse it and collide, never double. */
    static String id(String what, long n) {
        return UUID.nameUUIDFromBytes(("mlc-demo:" + what + ":" + n).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
