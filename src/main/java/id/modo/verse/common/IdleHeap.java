package id.modo.verse.common;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives the heap an idle platform does not use back to the system. Start-up allocates several times what the platform
 * keeps (bean definitions, class metadata, migrations, the template and mapping caches), G1 grows the heap to match, and
 * without a collection it never shrinks it again: an idle node kept 3 to 4 times its live objects committed. Once
 * ready, this turns on G1's periodic collection (JEP 346) and lowers {@code MaxHeapFreeRatio}, both manageable at run
 * time, so a node that idles returns the unused heap while a busy one collects as before. A flag the operator set
 * ({@code -XX:...}) is left alone.
 */
@Component
class IdleHeap {

    /** The JVM flags this touches; the production ones are HotSpot's, read and written through its MXBean. */
    interface Flags {

        /** Whether the flag still has the JVM's default (nobody set it on the command line or at run time). */
        boolean isDefault(String flag);

        String value(String flag);

        void set(String flag, String value);
    }

    private static final Logger log = LoggerFactory.getLogger(IdleHeap.class);

    private final IdleHeapProperties properties;

    IdleHeap(IdleHeapProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).anyMatch(n -> n.startsWith("G1"))) {
            apply(hotSpot());
        }
    }

    void apply(Flags flags) {
        Duration interval = properties.gcInterval();
        try {
            if (!interval.isZero() && flags.isDefault("G1PeriodicGCInterval")) {
                flags.set("G1PeriodicGCInterval", Long.toString(interval.toMillis()));
            }
            if (flags.isDefault("MaxHeapFreeRatio") && flags.isDefault("MinHeapFreeRatio")) {
                int maxFree = properties.maxHeapFreePercent();
                // The JVM requires Min <= Max at every step, so the lower bound moves first.
                flags.set("MinHeapFreeRatio", Integer.toString(Math.min(Integer.parseInt(flags.value("MinHeapFreeRatio")), maxFree)));
                flags.set("MaxHeapFreeRatio", Integer.toString(maxFree));
            }
        } catch (IllegalArgumentException | SecurityException e) {
            log.warn("Could not set the idle heap's JVM flags: {}", e.getMessage());
        }
    }

    static Flags hotSpot() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return new Flags() {
            @Override
            public boolean isDefault(String flag) {
                return vm.getVMOption(flag).getOrigin() == VMOption.Origin.DEFAULT;
            }

            @Override
            public String value(String flag) {
                return vm.getVMOption(flag).getValue();
            }

            @Override
            public void set(String flag, String value) {
                vm.setVMOption(flag, value);
            }
        };
    }
}
