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
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code reel frame SCRIPT (--index N | --time SECONDS) -o OUT.png}: one frame, exactly as the
 * movie would hand it to the encoder. The frame goes through the same renderer as a movie (the
 * sequence's {@code prepare} check, then its {@code render}) with an encoder that keeps the
 * picture, so what the PNG shows is what {@code render} would encode. Exit statuses as for
 * {@code render}; the PNG, like a movie, appears only when complete.
 */
final class FrameCommand implements Callable<Integer> {
    private final Main main;
    private CommandSpec spec;
    private PluginsOption plugins;
    private Path script;
    private Path output;
    /** Exactly one of the two ways to pick the frame. */
    private Integer index;
    private Double time;

    private FrameCommand(Main main) {
        this.main = main;
    }

    /** The command's model, around a new instance that runs it. */
    static CommandSpec spec(Main main) {
        FrameCommand command = new FrameCommand(main);
        CommandSpec spec = CommandSpecs.command("frame", command,
                "Writes one frame of a movie script, exactly as it goes to the encoder, as a PNG.");
        spec.addPositional(CommandSpecs.script());
        spec.addOption(CommandSpecs.help());
        spec.addOption(PluginsOption.spec());
        spec.addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("1")
                .addArg(OptionSpec.builder("--index").paramLabel("N").type(Integer.class).required(true)
                        .description("The global frame index, counted from 0 across all sequences.").build())
                .addArg(OptionSpec.builder("--time").paramLabel("SECONDS").type(Double.class).required(true)
                        .description("A movie time, as in the keyframes: the frame whose time is nearest to it.").build())
                .build());
        spec.addOption(OptionSpec.builder("-o", "--output").paramLabel("OUT.png").type(Path.class).required(true)
                .description("The PNG file to write.").build());
        command.spec = spec;
        return spec;
    }

    private void readCommandLine() {
        ParseResult parsed = spec.commandLine().getParseResult();
        plugins = PluginsOption.of(spec);
        script = parsed.matchedPositionalValue(0, null);
        output = parsed.matchedOptionValue("--output", null);
        index = parsed.matchedOptionValue("--index", null);
        time = parsed.matchedOptionValue("--time", null);
    }

    @Override
    public Integer call() throws IOException {
        readCommandLine();
        if (!output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw CommandFailure.badInput("-o " + output + ": expected a file name ending in .png; frame writes PNG images");
        }
        if (time != null && !Double.isFinite(time)) {
            throw CommandFailure.badInput("--time " + time + ": expected a finite movie time in seconds");
        }
        CommandEnvironment env = main.environment();
        MovieScript movieScript = RenderCommand.read(script);
        try (LoadedMovie loaded = RenderCommand.load(new MovieLoader(env.registry().apply(plugins), env.decorator()), movieScript)) {
            Movie movie = loaded.movie();
            int chosen;
            if (index != null) {
                chosen = index;
                if (chosen < 0 || chosen >= movie.frameCount()) {
                    throw CommandFailure.badInput(movieScript.name() + ": --index " + chosen + ": the movie has frames 0 to "
                            + (movie.frameCount() - 1));
                }
            } else {
                chosen = movie.nearestFrame(time);
            }
            FrameRef frame = movie.frame(chosen);
            Picture picture;
            try {
                picture = render(movie, chosen);
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
