package id.modo.verse.ai;

import static org.assertj.core.api.Assertions.assertThat;

import id.modo.verse.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalogue as a node with the default cache sees it (the shared test context reads on every use): kept until an
 * admin's change commits, then read again. The change here is written straight to the table, as another node would.
 */
@IntegrationTest
class ModelCatalogueCacheIntegrationTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AiProperties properties;
    @Autowired
    TransactionTemplate transactions;

    CatalogueSnapshot shipped;
    ModelCatalogue catalogue;

    @BeforeEach
    void cachedCatalogue() {
        shipped = CatalogueSnapshot.take(jdbc);
        catalogue = new ModelCatalogue(jdbc, properties, Duration.ofHours(1), Clock.systemUTC());
    }

    @AfterEach
    void restore() {
        shipped.restore();
    }

    private static AiAdminChanged change() {
        return new AiAdminChanged(UUID.randomUUID(), "ai_generation_price", AiAdminChanged.idOf("prices", "all"), "ai_price_update",
                Map.of("synopsis", 3), Map.of("synopsis", 7));
    }

    @Test
    void anotherNodesChangeShowsOnlyOnceAnAdminChangeClearedTheCacheAfterItsCommit() {
        int shippedPrice = catalogue.credits(GenerationType.SYNOPSIS);
        int disabledBefore = catalogue.enabled(ModelKind.TEXT).size();
        jdbc.sql("update ai_generation_prices set credits = ? where generation_type = 'synopsis'").param(shippedPrice + 4).update();
        jdbc.sql("update ai_models set enabled = false where kind = 'text' and is_default").update();

        assertThat(catalogue.credits(GenerationType.SYNOPSIS)).isEqualTo(shippedPrice);
        assertThat(catalogue.enabled(ModelKind.TEXT)).hasSize(disabledBefore);

        transactions.executeWithoutResult(status -> {
            catalogue.on(change());
            assertThat(catalogue.credits(GenerationType.SYNOPSIS)).as("not before the change commits").isEqualTo(shippedPrice);
        });

        assertThat(catalogue.credits(GenerationType.SYNOPSIS)).isEqualTo(shippedPrice + 4);
        assertThat(catalogue.enabled(ModelKind.TEXT)).hasSize(disabledBefore - 1);
        assertThat(catalogue.find(catalogue.enabled(ModelKind.TEXT).getFirst().provider(), catalogue.enabled(ModelKind.TEXT).getFirst().model()))
                .isPresent();
    }

    @Test
    void aRolledBackChangeKeepsWhatWasRead() {
        int shippedPrice = catalogue.credits(GenerationType.SYNOPSIS);
        transactions.executeWithoutResult(status -> {
            jdbc.sql("update ai_generation_prices set credits = ? where generation_type = 'synopsis'").param(shippedPrice + 4).update();
            catalogue.on(change());
            status.setRollbackOnly();
        });
        jdbc.sql("update ai_generation_prices set credits = ? where generation_type = 'synopsis'").param(shippedPrice + 5).update();
        assertThat(catalogue.credits(GenerationType.SYNOPSIS)).isEqualTo(shippedPrice);
    }
}
