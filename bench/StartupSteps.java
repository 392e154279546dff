import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.metrics.StartupStep;

/**
 * Where a start goes, from Spring's own {@code ApplicationStartup} steps: runs the application class given as the
 * first argument (on the classpath of the extracted jar) with a {@link BufferingApplicationStartup}, stops it once
 * ready and prints the self time (a step's time minus its children's) per kind of step and, for bean creation, per
 * module: the package under {@code id.modo.verse}, else the library's. Spring tags a bean's creation with the type
 * it was asked for, not its class, so a bean asked for by an interface counts for the interface's library, and one
 * asked for by name for none. Run by bench/startup.sh.
 */
public class StartupSteps {

    public static void main(String[] args) throws Exception {
        Class<?> applicationClass = Class.forName(args[0]);
        // This class comes from the source launcher's own loader; Spring must define its proxies in the app's.
        Thread.currentThread().setContextClassLoader(applicationClass.getClassLoader());
        SpringApplication application = new SpringApplication(applicationClass);
        BufferingApplicationStartup startup = new BufferingApplicationStartup(100_000);
        application.setApplicationStartup(startup);
        long start = System.nanoTime();
        ConfigurableApplicationContext context = application.run();
        long ready = System.nanoTime();
        List<TimelineEvent> events = startup.getBufferedTimeline().getEvents();
        context.close();

        Map<Long, Long> childTime = new HashMap<>();
        for (TimelineEvent event : events) {
            Long parent = event.getStartupStep().getParentId();
            if (parent != null) {
                childTime.merge(parent, event.getDuration().toNanos(), Long::sum);
            }
        }
        Function<TimelineEvent, Long> self = event -> event.getDuration().toNanos()
                - childTime.getOrDefault(event.getStartupStep().getId(), 0L);

        System.out.printf("%nSpringApplication.run until ready: %d ms%n", (ready - start) / 1_000_000);
        print("Self time per step (ms)", events.stream().collect(
                Collectors.groupingBy(event -> event.getStartupStep().getName(), Collectors.summingLong(self::apply))));
        print("Bean creation, self time per module (ms)", events.stream()
                .filter(event -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
                .collect(Collectors.groupingBy(StartupSteps::module, Collectors.summingLong(self::apply))));
    }

    private static String module(TimelineEvent event) {
        String type = "";
        for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
            if (tag.getKey().equals("beanType")) {
                type = tag.getValue();
            }
        }
        if (type.isEmpty()) {
            return "(asked for by name)";
        }
        String name = type.replaceFirst("^(class|interface) ", "");
        String[] parts = name.split("\\.");
        if (type.contains("id.modo.verse.") && parts.length > 4) {
            return parts[3];
        }
        return parts.length > 3 ? parts[0] + "." + parts[1] + "." + parts[2] : name;
    }

    private static void print(String title, Map<String, Long> nanos) {
        long total = nanos.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%n%s, total %d:%n", title, total / 1_000_000);
        Map<String, Long> sorted = new LinkedHashMap<>();
        nanos.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        sorted.forEach((name, value) -> System.out.printf("  %6d  %s%n", value / 1_000_000, name));
    }
}
