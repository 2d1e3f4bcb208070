package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTest {

    /** Reading the classes takes a while: both tests share one reading. */
    static final ApplicationModules MODULES = ApplicationModules.of(MastheadApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        MODULES.verify();
    }

    /**
     * Tests keep to the same rule, so that a module's internals can change without breaking the tests
     * of others: what another module's tests need is in its {@code Test*} helpers, beside its tests.
     */
    @Test
    void testsOnlyUseOtherModulesPublicApi() {
        var tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.masthead");

        assertThat(tests.stream()
                        .flatMap(test -> test.getDirectDependenciesFromSelf().stream())
                        .filter(ModularityTest::reachesIntoAnotherModule)
                        .map(Dependency::getDescription)
                        .distinct())
                .isEmpty();
    }

    private static final Pattern MODULE = Pattern.compile("org\\.masthead\\.([a-z]+)(\\.internal)?.*");

    private static boolean reachesIntoAnotherModule(Dependency dependency) {
        Matcher from = MODULE.matcher(dependency.getOriginClass().getPackageName());
        Matcher to = MODULE.matcher(packageOf(dependency.getTargetClass()));
        return from.matches()
                && to.matches()
                && to.group(2) != null
                && !to.group(1).equals(from.group(1));
    }

    private static String packageOf(JavaClass target) {
        return target.isArray() ? target.getBaseComponentType().getPackageName() : target.getPackageName();
    }

    /**
     * Writes the modules' documentation, as the code is, to {@code target/spring-modulith-docs}: a
     * diagram of the modules and their dependencies, one per module, and each module's canvas (its
     * beans, the events it publishes and listens to, its settings). {@code docs/architecture/modules}
     * keeps a copy for readers of the repository; its README says how to refresh it.
     */
    @Test
    void documentsTheModules() {
        new Documenter(MODULES).writeDocumentation();

        assertThat(Path.of("target/spring-modulith-docs/components.puml")).isNotEmptyFile();
        assertThat(Path.of("target/spring-modulith-docs/module-discussion.adoc"))
                .isNotEmptyFile();
    }
}
