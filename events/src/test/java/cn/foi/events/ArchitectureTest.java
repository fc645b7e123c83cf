package cn.foi.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The published language stays a plain library: any consumer can read the events without our frameworks. */
class ArchitectureTest {

    private static final JavaClasses EVENTS = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                                                                   .importPackages("cn.foi.events");

    @Test
    void the_events_know_neither_spring_nor_axon() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..")
                   .check(EVENTS);
    }

    @Test
    void its_packages_have_no_cycles() {
        slices().matching("cn.foi.events.(*)..").should().beFreeOfCycles().check(EVENTS);
    }
}
