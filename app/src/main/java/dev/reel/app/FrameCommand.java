package dev.reel.app;

import dev.reel.api.Encoder;
import dev.reel.api.FrameRange;
import dev.reel.api.FrameRef;
import dev.reel.api.Movie;
import dev.reel.api.OrderedRenderer;
import dev.reel.api.Picture;
import dev.reel.api.RenderException;
import dev.reel.app.plugins.PluginsOption;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.ImageIO;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code reel frame SCRIPT (--index N | --time SECONDS) -o OUT.png}: one frame, exactly as the
 * movie would hand it to the encoder. The frame goes through the same renderer as a movie (the
 * sequence's {@code prepare} check, then its {@code render}) with an encoder that keeps the
 * picture, so what the PNG shows is what {@code render} would encode. Exit statuses as for
 * {@code render}; the PNG, like a movie, appears only when complete.
 */
@Command(name = "frame", sortOptions = false,
        description = "Writes one frame of a movie script, exactly as it goes to the encoder, as a PNG.")
final class FrameCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Mixin
    HelpOption help;

    @Mixin
    PluginsOption plugins;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCRIPT", description = "The movie script (YAML or JSON).")
    Path script;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.png", required = true, description = "The PNG file to write.")
    Path output;

    /** Exactly one way to pick the frame. */
    static final class Which {
        @Option(names = "--index", paramLabel = "N", required = true,
                description = "The global frame index, counted from 0 across all sequences.")
        Integer index;

        @Option(names = "--time", paramLabel = "SECONDS", required = true,
                description = "A movie time, as in the keyframes: the frame whose time is nearest to it.")
        Double time;
    }

    @Override
    public Integer call() throws IOException {
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw CommandFailure.badInput("-o " + output + ": expected a file name ending in .png; frame writes PNG images");
        }
        if (which.time != null && !Double.isFinite(which.time)) {
            throw CommandFailure.badInput("--time " + which.time + ": expected a finite movie time in seconds");
        }
        CommandEnvironment env = main.environment();
        MovieScript movieScript = RenderCommand.read(script);
        try (LoadedMovie loaded = RenderCommand.load(new MovieLoader(env.registry().apply(plugins), env.decorator()), movieScript)) {
            Movie movie = loaded.movie();
            int index;
            if (which.index != null) {
                index = which.index;
                if (index < 0 || index >= movie.frameCount()) {
                    throw CommandFailure.badInput(movieScript.name() + ": --index " + index + ": the movie has frames 0 to "
                            + (movie.frameCount() - 1));
                }
            } else {
                index = movie.nearestFrame(which.time);
            }
            FrameRef frame = movie.frame(index);
            Picture picture;
            try {
                picture = render(movie, index);
            } catch (RenderException e) {
                throw CommandFailure.failed(movieScript.name() + ": " + e.getMessage(), e);
            }
            write(picture, output);
            PrintWriter out = spec.commandLine().getOut();
            out.println("wrote " + output + ": " + frame);
            out.flush();
            return 0;
        }
    }

    /**
     * Renders one global frame through the renderer, as a movie would.
     *
     * @throws RenderException if the sequence rejects the movie or fails to draw the frame
     */
    static Picture render(Movie movie, int index) {
        AtomicReference<Picture> kept = new AtomicReference<>();
        Encoder keeper = new Encoder() {
            @Override
            public void encode(Picture picture, int frameIndex) {
                // The renderer reuses its pictures: keep a copy.
                Picture copy = new Picture(picture.width(), picture.height());
                copy.copyFrom(picture);
                kept.set(copy);
            }

            @Override
            public void close() {
            }
        };
        OrderedRenderer.builder().threads(1).window(1).build().render(movie, new FrameRange(index, index + 1), keeper);
        return kept.get();
    }

    private static void write(Picture picture, Path output) {
        try (PendingFile file = PendingFile.beside(output)) {
            if (!ImageIO.write(image(picture), "png", file.temporary().toFile())) {
                throw new IOException("no PNG writer is installed in this Java runtime");
            }
            file.commit();
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw CommandFailure.failed("cannot write " + (m.startsWith(output.toString()) ? m : output + ": " + m), e);
        }
    }

    /** The picture as an 8-bit RGB image. */
    static BufferedImage image(Picture picture) {
        int w = picture.width();
        int h = picture.height();
        byte[] rgb = picture.rgb();
        int[] pixels = new int[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (rgb[3 * i] & 0xff) << 16 | (rgb[3 * i + 1] & 0xff) << 8 | (rgb[3 * i + 2] & 0xff);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, pixels, 0, w);
        return image;
    }
}
