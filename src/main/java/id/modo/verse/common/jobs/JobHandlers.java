package id.modo.verse.common.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The {@link JobHandler} beans by kind; two handlers for one kind stop the app at start. Looked up once
 * the context is built, because a handler usually needs the module service that submits its jobs.
 */
@Component
class JobHandlers implements SmartInitializingSingleton {

    private final Supplier<Map<String, JobHandler>> byKind;

    JobHandlers(ObjectProvider<JobHandler> handlers) {
        this.byKind = SingletonSupplier.of(() -> handlers.stream().collect(Collectors.toUnmodifiableMap(JobHandler::kind,
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("Two job handlers for kind " + a.kind() + ": " + a.getClass() + " and " + b.getClass());
                })));
    }

    @Override
    public void afterSingletonsInstantiated() {
        byKind.get();
    }

    Optional<JobHandler> find(String kind) {
        return Optional.ofNullable(byKind.get().get(kind));
    }
}
