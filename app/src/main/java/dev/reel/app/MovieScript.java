package dev.reel.app;

import dev.reel.api.EncoderSettings;
import dev.reel.api.VideoFormat;
import dev.reel.api.spi.SequenceSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A movie script as read from its file: checked for form (keys, types, ranges), before any
 * provider is asked about its sequences or its encoder.
 *
 * @param file the script file
 * @param name the file as messages name it: the path as the user gave it, e.g. {@code movie.yaml}
 * @param format the movie's size and frame rate
 * @param encoderName the encoder the script asks for ({@code encoder.name}); empty when not set,
 *     which means {@code auto}
 * @param encoder the encoder settings; unset keys left unset (see {@link EncoderSettings})
 * @param sequences the {@code sequences:} entries in order, each located as
 *     {@code movie.yaml: sequences[0]} and resolving paths against the script's folder
 */
record MovieScript(Path file, String name, VideoFormat format, Optional<String> encoderName,
        EncoderSettings encoder, List<SequenceSpec> sequences) {

    MovieScript {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(encoderName, "encoderName");
        Objects.requireNonNull(encoder, "encoder");
        sequences = List.copyOf(sequences);
    }
}
