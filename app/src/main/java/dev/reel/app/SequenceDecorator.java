package dev.reel.app;

import dev.reel.api.Sequence;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.SequenceSpec;
import java.util.List;
import java.util.Set;

/**
 * The seam for keys that every sequence entry accepts whatever its {@code type} (time keys such as
 * reverse, crop, speed, easing, crossfade). {@link MovieLoader} takes this decorator's
 * {@linkplain #keys() keys} out of each entry before the entry's provider sees it (so a provider
 * that rejects unknown keys does not reject them), builds every sequence with its provider, and
 * then hands the whole list to {@link #decorate}, which may wrap, replace or merge sequences
 * (a crossfade joins two neighbours).
 *
 * <p>The command uses {@link TimingDecorator}; {@link #NONE} leaves every entry as its provider
 * built it. Called once per script on the thread that loads it.
 */
interface SequenceDecorator {

    /** Reads no key and changes nothing. */
    SequenceDecorator NONE = new SequenceDecorator() {
        @Override
        public Set<String> keys() {
            return Set.of();
        }

        @Override
        public List<Sequence> decorate(List<SequenceSpec> entries, List<Sequence> sequences, VideoFormat format) {
            return sequences;
        }
    };

    /** The entry keys this decorator reads; the providers never see them. */
    Set<String> keys();

    /**
     * The movie's sequences with these keys applied.
     *
     * @param entries every entry of the script, with all its keys (this decorator's included), in
     *     order; an entry's {@link SequenceSpec#error} reports a bad key by file and position
     * @param sequences what each entry's provider built, in the same order
     * @param format the movie's size and frame rate
     * @throws dev.reel.api.ScriptException for a bad value of one of {@link #keys()}
     */
    List<Sequence> decorate(List<SequenceSpec> entries, List<Sequence> sequences, VideoFormat format);
}
