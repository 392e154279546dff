package id.modo.verse.common.db;

import id.modo.verse.common.ModoProperties;
import id.modo.verse.common.db.DatabaseConfiguration.EmbeddedDatabase;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL on a background thread at the beginning of the context refresh,
 * so its start overlaps the web server's, and stops it when the context closes.
 */
class EmbeddedDatabaseLauncher implements BeanFactoryPostProcessor, EnvironmentAware, DisposableBean {

    private Environment environment;
    private CompletableFuture<EmbeddedDatabase> server;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        // Binding the whole record first means a wrong setting fails the start before any server runs.
        ModoProperties properties = Binder.get(environment).bindOrCreate("modo", ModoProperties.class);
        Path dataDir = properties.dataDir();
        int port = properties.db().embeddedPort();
        server = CompletableFuture.supplyAsync(() -> EmbeddedDatabase.start(dataDir, port),
                runnable -> Thread.ofPlatform().name("embedded-postgres-start").daemon().start(runnable));
    }

    EmbeddedDatabase await() {
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public void destroy() {
        if (server == null) {
            return;
        }
        // A start still under way is waited for, so a failing app never leaves a server behind.
        server.handle((database, failure) -> database).join();
        if (!server.isCompletedExceptionally()) {
            server.join().close();
        }
    }
}
