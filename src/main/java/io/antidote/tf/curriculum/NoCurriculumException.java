package io.antidote.tf.curriculum;

import io.antidote.tf.AntidoteException;
import java.nio.file.Path;

/** The curriculum directory to load does not exist or is not a directory. */
public final class NoCurriculumException extends AntidoteException {
    private static final long serialVersionUID = 1L;
    private final transient Path directory;

    public NoCurriculumException(Path directory) {
        super("curriculum directory " + directory + (java.nio.file.Files.exists(directory)
                ? " is not a directory" : " does not exist"));
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }
}
