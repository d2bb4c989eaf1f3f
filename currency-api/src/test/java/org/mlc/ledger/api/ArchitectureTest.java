package org.mlc.ledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.mlc.ledger.api.ui.PageController;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape of currency-api: controllers and pages speak HTTP and read views only through the
 * query class of each view; projections write their views and are nobody else's business.
 */
@AnalyzeClasses(packages = "org.mlc.ledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersAndPagesReachTablesOnlyThroughQueryClasses = noClasses()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(PageController.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                    "javax.sql..")
            .because("a view is read through its query class (…Queries), next to the projection that writes it");

    @ArchTest
    static final ArchRule projectionsArePackagePrivate = classes()
            .that().areAnnotatedWith(ProcessingGroup.class)
            .should().notBePublic()
            .because("a projection writes its view; others read the view through its query class");

    @ArchTest
    static final ArchRule queryClassesWriteNothing = noClasses()
            .that().haveSimpleNameEndingWith("Queries")
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..")
            .because("a query class reads its view; events and commands are the projections' and controllers' business");
}
