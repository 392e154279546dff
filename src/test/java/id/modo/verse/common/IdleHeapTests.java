package id.modo.verse.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdleHeapTests {

    private final IdleHeap idleHeap = new IdleHeap(new IdleHeapProperties(Duration.ofSeconds(15), 30));

    @Test
    void turnsOnPeriodicCollectionAndLowersTheFreeShareLowerBoundFirst() {
        RecordedFlags flags = new RecordedFlags(Map.of("G1PeriodicGCInterval", "0", "MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70"));

        idleHeap.apply(flags);

        assertThat(flags.sets).containsExactly(Map.entry("G1PeriodicGCInterval", "15000"), Map.entry("MinHeapFreeRatio", "30"),
                Map.entry("MaxHeapFreeRatio", "30"));
    }

    @Test
    void keepsALowerBoundThatIsAlreadyBelow() {
        RecordedFlags flags = new RecordedFlags(Map.of("G1PeriodicGCInterval", "0", "MinHeapFreeRatio", "20", "MaxHeapFreeRatio", "70"));

        idleHeap.apply(flags);

        assertThat(flags.current).containsEntry("MinHeapFreeRatio", "20").containsEntry("MaxHeapFreeRatio", "30");
    }

    @Test
    void leavesWhatTheOperatorSetAlone() {
        RecordedFlags flags = new RecordedFlags(Map.of("G1PeriodicGCInterval", "60000", "MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "50"));
        flags.operatorSet.addAll(Set.of("G1PeriodicGCInterval", "MaxHeapFreeRatio"));

        idleHeap.apply(flags);

        assertThat(flags.sets).isEmpty();
    }

    @Test
    void anIntervalOfZeroLeavesPeriodicCollectionOff() {
        RecordedFlags flags = new RecordedFlags(Map.of("G1PeriodicGCInterval", "0", "MinHeapFreeRatio", "40", "MaxHeapFreeRatio", "70"));

        new IdleHeap(new IdleHeapProperties(Duration.ZERO, 30)).apply(flags);

        assertThat(flags.sets).doesNotContainKey("G1PeriodicGCInterval");
    }

    @Test
    void hotSpotLetsTheFlagsBeSetWhileRunning() {
        IdleHeap.Flags hotSpot = IdleHeap.hotSpot();
        String before = hotSpot.value("G1PeriodicGCInterval");
        try {
            hotSpot.set("G1PeriodicGCInterval", "123000");

            assertThat(hotSpot.value("G1PeriodicGCInterval")).isEqualTo("123000");
            assertThat(hotSpot.isDefault("G1PeriodicGCInterval")).isFalse();
        } finally {
            hotSpot.set("G1PeriodicGCInterval", before);
        }
    }

    private static final class RecordedFlags implements IdleHeap.Flags {

        final Map<String, String> current;
        final Map<String, String> sets = new LinkedHashMap<>();
        final Set<String> operatorSet = new HashSet<>();

        RecordedFlags(Map<String, String> values) {
            current = new HashMap<>(values);
        }

        @Override
        public boolean isDefault(String flag) {
            return !operatorSet.contains(flag) && !sets.containsKey(flag);
        }

        @Override
        public String value(String flag) {
            return current.get(flag);
        }

        @Override
        public void set(String flag, String value) {
            if (flag.equals("MaxHeapFreeRatio") && Integer.parseInt(value) < Integer.parseInt(current.get("MinHeapFreeRatio"))) {
                throw new IllegalArgumentException("MaxHeapFreeRatio below MinHeapFreeRatio");
            }
            current.put(flag, value);
            sets.put(flag, value);
        }
    }
}
