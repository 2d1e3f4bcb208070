package org.masthead;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
     * Writes the modules' documentation, as the code is, to {@code target/spring-modulith-docs}: a
     * diagram of the modules and their dependencies, one per module, and each module's canvas (its
     * beans, the events it publishes and listens to, its settings). {@code docs/architecture/modules}
     * keeps a copy for readers of the repository; see {@code docs/architecture.md} for how to refresh it.
     */
    @Test
    void documentsTheModules() {
        new Documenter(MODULES).writeDocumentation();

        assertThat(Path.of("target/spring-modulith-docs/components.puml")).isNotEmptyFile();
        assertThat(Path.of("target/spring-modulith-docs/module-discussion.adoc"))
                .isNotEmptyFile();
    }
}
