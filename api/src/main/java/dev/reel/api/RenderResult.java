package dev.reel.api;

import java.time.Duration;

/**
 * What a finished render did.
 *
 * @param range the frames rendered
 * @param elapsed wall time from start to the encoder's close
 * @param framesPerSecond frames per second of elapsed time
 * @param picturesAllocated how many pooled pictures the render needed (at most its window)
 * @param last the final progress snapshot
 */
public record RenderResult(FrameRange range, Duration elapsed, double framesPerSecond,
        int picturesAllocated, Progress last) {
}
