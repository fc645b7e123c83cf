package cn.foi.query;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The query side's shape, held by tests: views at the bottom, one direction up to the answers. */
class ArchitectureTest {

    private static final JavaClasses QUERY = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                                                  .importPackages("cn.foi.query");

    @Test
    void views_are_pure_folds_knowing_no_store_no_framework_and_nothing_above_them() {
        noClasses().that().resideInAPackage("cn.foi.query.view..")
                   .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                                                                      "cn.foi.query.projection..", "cn.foi.query.table..")
                   .check(QUERY);
    }

    @Test
    void the_projection_knows_nothing_of_the_tables_or_answers_built_on_it() {
        noClasses().that().resideInAPackage("cn.foi.query.projection..")
                   .should().dependOnClassesThat().resideInAnyPackage("cn.foi.query.table..", "cn.foi.query.request..",
                                                                      "cn.foi.query.deadline..", "cn.foi.query.completeness..")
                   .check(QUERY);
    }

    @Test
    void web_controllers_never_reach_the_store_directly() {
        noClasses().that().areAnnotatedWith(RestController.class)
                   .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..")
                   .check(QUERY);
    }

    @Test
    void its_packages_have_no_cycles() {
        slices().matching("cn.foi.query.(*)..").should().beFreeOfCycles().check(QUERY);
    }
}
