package io.antidote.tf.stack;

import io.antidote.tf.lesson.ConfigurationType;
import java.util.List;

/**
 * What configures an endpoint at a stage, for every target: the configurator image, the file it reads and its
 * command line per configuration type (as the reference's configuration jobs run them). Arguments are plain values;
 * each target quotes them for its own sink and passes the credentials as its own references.
 */
public final class Configurator {
    /** The SSH port NAPALM configures through (the reference's fixed value). */
    public static final String NAPALM_PORT = "22";

    private Configurator() {
    }

    /** {@code antidotelabs/configurator:<imageVersion>}. */
    public static String image(String imageVersion) {
        return "antidotelabs/configurator:" + imageVersion;
    }

    /** {@code /antidote/stage<N>/configs/<file>}: where the lesson's copy holds the stage's configuration file. */
    public static String file(int stage, String configurationFile) {
        return "/antidote/stage" + stage + "/configs/" + configurationFile;
    }

    /** The NAPALM driver of a file named {@code <endpoint>-<driver>.txt}: the text after the last hyphen. */
    public static String napalmDriver(String configurationFile) {
        String base = configurationFile.endsWith(".txt")
                ? configurationFile.substring(0, configurationFile.length() - 4) : configurationFile;
        return base.substring(base.lastIndexOf('-') + 1);
    }

    /**
     * The configurator's command line for {@code type}: {@code python <file>}, {@code ansible-playbook -vvvv -i
     * <host>, <file>}, or {@code /configure.py <user> <password> <driver> 22 <host> <file>}.
     *
     * Every value is given in the form of the target's sink (escaped, or a reference the sink expands).
     *
     * @param file {@link #file}
     * @param driver {@link #napalmDriver} of the configuration file (used by NAPALM only)
     * @param host the endpoint's address (or a reference to it)
     * @param user how the target refers to the configuration user
     * @param password how the target refers to the configuration password (never the password itself)
     */
    public static List<String> command(ConfigurationType type, String file, String driver, String host, String user,
            String password) {
        return switch (type) {
            case PYTHON -> List.of("python", file);
            case ANSIBLE -> List.of("ansible-playbook", "-vvvv", "-i", host + ",", file);
            case NAPALM -> List.of("/configure.py", user, password, driver, NAPALM_PORT, host, file);
            case NONE -> throw new IllegalArgumentException("an endpoint without configuration has no command");
        };
    }
}
