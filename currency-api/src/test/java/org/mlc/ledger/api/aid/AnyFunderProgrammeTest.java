package org.mlc.ledger.api.aid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mlc.ledger.api.support.Api.assertProblem;

import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.mlc.ledger.api.support.Api;
import org.mlc.ledger.api.support.Ledger;
import org.mlc.ledger.api.support.Ledger.Party;
import org.mlc.ledger.api.support.Ledger.User;

/** Earmarked programmes run by any funder: a collectivité, an association, an employer (issue #21). */
class AnyFunderProgrammeTest extends IntegrationTest {

    private static String programBody(String field, String funder, String currency) {
        return """
                {"%s":"%s","currency":"%s","name":"Transition énergétique","filieres":["ALIMENTATION"],
                 "validityDays":90}""".formatted(field, funder, currency);
    }

    @Test
    void anEmployerRunsAProgrammeForItsStaffEndToEndAndSeesOnlyItsOwn() {
        String currency = ledger.currency("1", "1");
        Party employer = ledger.participant("EMPLOYER", "Coopérative Lumière (CSE)", currency);
        User employerUser = ledger.user("EMPLOYER", employer.id(), null);
        Party otherEmployer = ledger.participant("EMPLOYER", "Autre entreprise", currency);
        User otherUser = ledger.user("EMPLOYER", otherEmployer.id(), null);
        Party staff = ledger.participant("MEMBER", "Salariée", currency);
        Party grocer = ledger.merchant("Epicerie", currency);

        // the employer opens its own programme, named by its member number
        String number = api.get("/api/v1/participants/" + employer.id()).get("number");
        Api.Response created = employerUser.api().post("/api/v1/aid-programs", programBody("funder", number,
                currency));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.get("funder")).isEqualTo(employer.id());
        String program = created.get("id");
        Api.Response funding = employerUser.api().post("/api/v1/aid-programs/" + program + "/fundings",
                "{\"euros\":\"500.00\",\"reference\":\"virement CSE\"}");
        assertThat(funding.status()).as(funding.toString()).isEqualTo(201);
        assertThat(api.post("/api/v1/aid-programs/" + program + "/fundings/" + funding.get("id") + "/confirmation",
                "{\"bankReference\":\"NEF-CSE\"}").status()).isEqualTo(200);
        Api.Response grant = Ledger.grant(employerUser.api(), program, staff, "120.00");
        assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
        assertThat(grant.get("outcome")).isEqualTo("GRANTED");
        assertThat(ledger.pay(staff, grocer, "20.00").status()).isEqualTo(201);
        Api.Response report = employerUser.api().get("/api/v1/reports/aid-programs/" + program);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.get("granted")).isEqualTo("120.00");
        assertThat(report.get("spent")).isEqualTo("20.00");
        Api.Response closing = employerUser.api().post("/api/v1/aid-programs/" + program + "/closing", "{}");
        assertThat(closing.status()).as(closing.toString()).isEqualTo(200);
        assertThat(closing.get("closedUnits")).isEqualTo("380.00");
        books.assertBalanced();
        books.assertBacked(currency);

        // another employer neither sees it, nor grants from it, nor opens one for the first
        assertProblem(otherUser.api().get("/api/v1/aid-programs/" + program), 404, "not-found");
        assertProblem(otherUser.api().get("/api/v1/reports/aid-programs/" + program), 404, "not-found");
        assertProblem(Ledger.grant(otherUser.api(), program, staff, "1.00"), 404, "not-found");
        assertProblem(otherUser.api().post("/api/v1/aid-programs", programBody("funder", employer.id(), currency)),
                404, "not-found");
    }

    @Test
    void aCollectiviteAndAnAssociationRunProgrammesAndTheOldCcasFieldStillWorks() {
        String currency = ledger.currency("1", "1");
        Party town = ledger.participant("COLLECTIVITE", "Ville", currency);
        User townUser = ledger.user("COLLECTIVITE", town.id(), null);
        Party association = ledger.participant("ASSOCIATION", "Amis du Sol", currency);

        Api.Response byTown = townUser.api().post("/api/v1/aid-programs", programBody("funder", town.id(), currency));
        Api.Response forAssociation = api.post("/api/v1/aid-programs", programBody("ccas", association.id(),
                currency));

        assertThat(byTown.status()).as(byTown.toString()).isEqualTo(201);
        assertThat(forAssociation.status()).as(forAssociation.toString()).isEqualTo(201);
        assertThat(forAssociation.get("ccas")).isEqualTo(association.id());
        assertThat(forAssociation.get("funder")).isEqualTo(association.id());
    }

    @Test
    void aFunderOfAWrongKindIsA422NamingFunder() {
        String currency = ledger.currency("1", "1");
        Party member = ledger.participant("MEMBER", "Alice", currency);
        Party merchant = ledger.merchant("Epicerie", currency);

        for (Party funder : new Party[] {member, merchant}) {
            Api.Response refused = api.post("/api/v1/aid-programs", programBody("funder", funder.id(), currency));
            assertProblem(refused, 422, "funder-not-allowed");
            assertThat(refused.get("field")).isEqualTo("funder");
        }
    }

    @Test
    void aFunderOfAnotherCurrencyIsA422NamingFunder() {
        String currency = ledger.currency("1", "1");
        String other = ledger.currency("1", "1");
        Party employer = ledger.participant("EMPLOYER", "Entreprise d'ailleurs", other);

        Api.Response refused = api.post("/api/v1/aid-programs", programBody("funder", employer.id(), currency));

        assertProblem(refused, 422, "currency-mismatch");
        assertThat(refused.get("field")).isEqualTo("funder");
    }
}
