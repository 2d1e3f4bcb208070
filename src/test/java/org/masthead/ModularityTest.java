package org.masthead;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        ApplicationModules.of(MastheadApplication.class).verify();
    }
}
