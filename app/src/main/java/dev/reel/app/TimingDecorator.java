package dev.reel.app;

import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.SequenceSpec;
import dev.reel.sequences.ScriptTiming;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The time keys of every sequence entry (crop, reverse, easing, speed, crossfade), applied by the
 * sequences module's {@link ScriptTiming}: each entry's own keys first, then the crossfades, which
 * join neighbours.
 */
final class TimingDecorator implements SequenceDecorator {
    @Override
    public Set<String> keys() {
        return ScriptTiming.KEYS;
    }

    @Override
    public List<Sequence> decorate(List<SequenceSpec> entries, List<Sequence> sequences, VideoFormat format) {
        List<ScriptTiming.Entry> timed = new ArrayList<>(sequences.size());
        for (int i = 0; i < sequences.size(); i++) {
            timed.add(new ScriptTiming.Entry(ScriptTiming.apply(sequences.get(i), entries.get(i)), entries.get(i)));
        }
        return ScriptTiming.applyCrossfades(timed, format.fps());
    }
}
