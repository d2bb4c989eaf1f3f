package org.mlc.ledger.aid;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.mlc.ledger.account.Account;
import org.mlc.ledger.common.Aggregates;
import org.mlc.ledger.common.AidProgramId;
import org.mlc.ledger.common.DomainException;
import org.mlc.ledger.currency.Currencies;
import org.mlc.ledger.currency.Currency;
import org.mlc.ledger.common.FundingId;
import org.mlc.ledger.reconversion.GuaranteeFund;
import org.mlc.ledger.reconversion.InflowSource;

/**
 * Opens a programme for a funder (its account in the currency must be a funder's, {@link Funders};
 * every filière must exist in the currency: {@code unknown-filiere}) and closes one: its units
 * are burnt and the same euros leave the guarantee fund for the funder, without fee, in one unit of
 * work, or nothing happens ({@code insufficient-fund}).
 */
class AidProgramHandler {

    private final Repository<AidProgram> programs;
    private final Repository<Account> accounts;
    private final Repository<Currency> currencies;
    private final Repository<GuaranteeFund> funds;

    AidProgramHandler(Repository<AidProgram> programs, Repository<Account> accounts,
                             Repository<Currency> currencies, Repository<GuaranteeFund> funds) {
        this.programs = programs;
        this.accounts = accounts;
        this.currencies = currencies;
        this.funds = funds;
    }

    @CommandHandler
    public AidProgramId handle(CreateAidProgram command) throws Exception {
        Aggregate<Account> funderAccount = Aggregates.loadOr(accounts, command.ccasAccount().value(),
                DomainException.notFound("aid.unknown-ccas-account", "unknown account {0} (ccas)",
                        command.ccasAccount()));
        DomainException.throwIfAny(Funders.refusal(command.ccas(), funderAccount.invoke(Account::owner),
                funderAccount.invoke(Account::ownerKind), funderAccount.invoke(Account::currency), command.currency()));
        Currency currency = Currencies.require(currencies, command.currency());
        if (command.filieres() != null) {
            for (String filiere : command.filieres()) {
                if (filiere == null || !currency.filiereExists(filiere)) {
                    throw DomainException.refused("unknown-filiere", "aid.unknown-filiere",
                            "filière {0} does not exist in {1} (it has {2})", filiere, command.currency(),
                            String.join(", ", currency.filieres()));
                }
            }
        }
        programs.newInstance(() -> new AidProgram(command));
        return command.programId();
    }

    /** The funding's euros reached the fund: the programme issues its units, the fund records the inflow. */
    @CommandHandler
    public FundingId handle(ConfirmAidFunding command) throws Exception {
        // loaded as the aggregate's own handler was: an unknown programme answers as before
        Aggregate<AidProgram> program = programs.load(command.programId().value());
        program.execute(p -> p.handle(command));
        GuaranteeFund.recordInflow(funds, program.invoke(AidProgram::currency), InflowSource.AID_FUNDING,
                command.fundingId().value(), program.invoke(p -> p.fundingEurosMinor(command.fundingId())),
                command.at());
        return command.fundingId();
    }

    @CommandHandler
    public Closing handle(CloseAidProgram command) throws Exception {
        Aggregate<AidProgram> program = AidGrantHandler.loadProgram(programs, command.programId());
        long unitsMinor = program.invoke(AidProgram::balanceMinor);
        if (program.invoke(AidProgram::closed) && unitsMinor == 0) {
            return new Closing(command.programId(), 0);
        }
        program.execute(p -> p.close(command.reconversionId(), command.at()));
        if (unitsMinor > 0) {
            GuaranteeFund.payOut(funds, program.invoke(AidProgram::currency), command.reconversionId(),
                    program.invoke(AidProgram::ccasAccount), unitsMinor,
                    command.at());
        }
        return new Closing(command.programId(), unitsMinor);
    }
}
