package org.mlc.ledger.aid;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.CurrencyCode;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.DomainException;

/**
 * Grants aid: the programme's units go to a member's account as an earmarked lot, both recorded in
 * one unit of work. Refused: a beneficiary that is not a member with this account
 * ({@code beneficiary-not-member}), a frozen account ({@code account-frozen}), more than the
 * programme holds ({@code insufficient-programme-funds}), above the monthly cap, an expiry in the
 * past. A grant id already granted answers as granted and grants nothing more. The beneficiary's
 * account is loaded before the programme, as the expiry does, so the two never wait on each other.
 */
class AidGrantHandler {

    private final Repository<AidProgram> programs;
    private final Repository<Account> accounts;

    AidGrantHandler(Repository<AidProgram> programs, Repository<Account> accounts) {
        this.programs = programs;
        this.accounts = accounts;
    }

    @CommandHandler
    public GrantResult handle(GrantAid command) throws Exception {
        return grant(command);
    }

    /** Each line on its own: a refused line applies nothing (its checks come before any change). */
    @CommandHandler
    public List<GrantResult> handle(GrantAidBatch command) throws Exception {
        if (command.grants() == null || command.grants().isEmpty() || command.grants().size() > GrantAidBatch.MAX_GRANTS) {
            throw DomainException.invalid("aid.batch-size", "a batch has 1 to {0} grants", GrantAidBatch.MAX_GRANTS);
        }
        lockAccountsInIdOrder(command);
        List<GrantResult> results = new ArrayList<>(command.grants().size());
        for (GrantAid grant : command.grants()) {
            if (!grant.programId().equals(command.programId())) {
                throw new IllegalArgumentException("a batch grants from one programme");
            }
            try {
                results.add(grant(grant));
            } catch (DomainException e) {
                results.add(new GrantResult(grant.grantId(), GrantOutcome.REFUSED, null, e.code(), e.getMessage()));
            }
        }
        return results;
    }

    /**
     * Every beneficiary's account of the batch, locked before the first grant, in the order of their
     * ids as a payment locks its two: taken in line order, a batch holding up to a hundred accounts
     * met payments locking some of the same in id order, and one of the two lost a deadlock
     * (docs/performance.md, the hosted-scale day). The grants still go in line order (which lines a
     * programme short of funds refuses stays the file's), each finding its account locked already;
     * an unknown account is refused in its own line.
     */
    private void lockAccountsInIdOrder(GrantAidBatch command) {
        command.grants().stream().map(grant -> grant.accountId().value()).distinct().sorted().forEach(id -> {
            try {
                accounts.load(id);
            } catch (AggregateNotFoundException unknown) {
                // its line is refused when its turn comes
            }
        });
    }

    private GrantResult grant(GrantAid command) throws Exception {
        Aggregate<Account> account = Aggregates.load(accounts, command.accountId().value(), "beneficiary account");
        Aggregate<AidProgram> program = loadProgram(programs, command.programId());
        if (program.invoke(p -> p.granted(command.grantId()))) {
            return new GrantResult(command.grantId(), GrantOutcome.ALREADY_GRANTED, null, null, null);
        }
        CurrencyCode currency = program.invoke(AidProgram::currency);
        account.execute(a -> a.requireGrantable(command.beneficiary(), currency));
        LocalDate expiresOn = program.invoke(p -> p.checkGrant(command));
        List<String> filieres = program.invoke(AidProgram::filieres);
        program.execute(p -> p.grant(command, expiresOn));
        account.execute(a -> a.receiveEarmarkedLot(command.grantId(), command.programId(), command.unitsMinor(),
                filieres, expiresOn, command.at()));
        return new GrantResult(command.grantId(), GrantOutcome.GRANTED, expiresOn, null, null);
    }

    static Aggregate<AidProgram> loadProgram(Repository<AidProgram> programs, AidProgramId programId) {
        return Aggregates.load(programs, programId.value(), "aid programme");
    }
}
