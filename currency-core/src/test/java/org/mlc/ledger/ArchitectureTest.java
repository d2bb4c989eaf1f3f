package org.mlc.ledger;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.UUID;

/** currency-core is the pure domain: no framework but Axon's modelling, no database, no clock, no randomness. */
@AnalyzeClasses(packages = "org.mlc.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule theDomainDependsOnNoSpringAndNoDatabase = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..",
                    "jakarta.persistence..", "javax.persistence..")
            .because("currency-core is the pure domain; Spring and the database live in currency-api");

    @ArchTest
    static final ArchRule theDomainReadsNoClock = noClasses()
            .should().dependOnClassesThat().areAssignableTo(Clock.class)
            .orShould().dependOnClassesThat().areAssignableTo(InstantSource.class)
            .because("time is an input: commands carry it");

    @ArchTest
    static final ArchRule theDomainAsksNobodyWhatTimeItIs = noClasses()
            .should().callMethodWhere(target(name("now")).and(target(owner(resideInAPackage("java.time")))))
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .because("time is an input: Instant.now(), LocalDate.now() and the like would make replays differ");

    @ArchTest
    static final ArchRule theDomainMakesNoRandomIdentifiersOrNumbers = noClasses()
            .should().callMethod(UUID.class, "randomUUID")
            .orShould().callMethod(Math.class, "random")
            .orShould().dependOnClassesThat().areAssignableTo(Random.class)
            .orShould().dependOnClassesThat().areAssignableTo(SplittableRandom.class)
            .because("identifiers are inputs, and the same events must always give the same state");

    @ArchTest
    static final ArchRule noAmountIsAFloatingPointField = noFields()
            .should().haveRawType(double.class)
            .orShould().haveRawType(float.class)
            .orShould().haveRawType(Double.class)
            .orShould().haveRawType(Float.class)
            .because("amounts are long minor units and rates exact ratios, never binary fractions");

    @ArchTest
    static final ArchRule noMethodAnswersAFloatingPointNumber = noMethods()
            .should().haveRawReturnType(double.class)
            .orShould().haveRawReturnType(float.class)
            .orShould().haveRawReturnType(Double.class)
            .orShould().haveRawReturnType(Float.class)
            .because("amounts are long minor units and rates exact ratios, never binary fractions");

    /**
     * Feature packages layer: common, money, ledger, then currency, participant, payment (the
     * vocabulary of transfers), account, bonus, counter, reconversion, aid, bank. A cycle would make
     * two features one in all but name.
     */
    @ArchTest
    static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.mlc.ledger.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theDomainKnowsNothingOfItsApplications = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.mlc.ledger.api..", "org.mlc.ledger.ops..")
            .because("currency-api and currency-ops use the domain, never the other way round");

    /**
     * Handlers and policies are reached through the ledger's model and their aggregates, never called
     * from outside. Records are messages and values (SetMembershipPolicy, ConversionPolicy), not rules.
     */
    @ArchTest
    static final ArchRule handlersAndPoliciesStayInTheirPackage = noClasses()
            .that().haveSimpleNameEndingWith("Handler").or().haveSimpleNameEndingWith("Policy")
            .and().areNotRecords()
            .should().bePublic()
            .because("each feature package exposes one handler list (LedgerModel registers it), not its handlers");
}
