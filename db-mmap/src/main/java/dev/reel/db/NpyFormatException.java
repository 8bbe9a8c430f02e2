package dev.reel.db;

import java.io.IOException;

/**
 * A file is not a NumPy {@code .npy} file that reel can read, or its header contradicts the file.
 *
 * <p>The message is one line: the file name, a colon, then the problem, for example
 * {@code pan.postdb: not a NumPy .npy file (bad magic bytes)}. Control characters (from a file
 * name or from quoted header text) are escaped so the message never spans lines.
 */
public class NpyFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String problem;

    /**
     * @param fileName the file as the user named it; never null
     * @param problem what is wrong and, where it helps, what was expected; never null
     */
    public NpyFormatException(String fileName, String problem) {
        super(oneLine(fileName) + ": " + oneLine(problem));
        this.fileName = fileName;
        this.problem = problem;
    }

    /** The file as the user named it. */
    public String fileName() {
        return fileName;
    }

    /** The problem, without the file name. */
    public String problem() {
        return problem;
    }

    private static String oneLine(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
