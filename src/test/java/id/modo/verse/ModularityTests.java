package id.modo.verse;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(ModoApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void everyModuleOfTheArchitectureExists() {
        assertThat(modules.stream().map(module -> module.getIdentifier().toString()))
                .contains("common", "identity", "organization", "billing", "credit", "payment", "ai", "media", "studio",
                        "watch", "invest", "shop", "licensing", "community", "notification", "audit", "platform");
    }

    @Test
    void commonDependsOnNoBusinessModule() {
        var common = modules.getModuleByName("common").orElseThrow();
        assertThat(common.getBootstrapDependencies(modules).toList()).isEmpty();
        assertThat(common.getDirectDependencies(modules).stream().map(d -> d.getTargetModule().getIdentifier().toString()).toList())
                .isEmpty();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules)
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
