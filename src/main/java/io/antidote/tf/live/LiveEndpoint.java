package io.antidote.tf.live;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.antidote.tf.lesson.ConfigurationType;
import java.util.List;
import java.util.Objects;

/**
 * An endpoint of a livelesson. {@code host} is the address the scheduler reaches it at, empty until the
 * backend has provisioned it. {@link #toString()} never shows the password.
 */
public record LiveEndpoint(
        @JsonProperty("Name") String name,
        @JsonProperty("Image") String image,
        @JsonProperty("Ports") List<Integer> ports,
        @JsonProperty("Presentations") List<LivePresentation> presentations,
        @JsonProperty("ConfigurationType") ConfigurationType configurationType,
        @JsonProperty("ConfigurationFile") String configurationFile,
        @JsonProperty("SSHUser") String sshUser,
        @JsonProperty("SSHPassword") String sshPassword,
        @JsonProperty("Host") String host) {

    public LiveEndpoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        ports = List.copyOf(ports == null ? List.of() : ports);
        presentations = List.copyOf(presentations == null ? List.of() : presentations);
        configurationType = configurationType == null ? ConfigurationType.NONE : configurationType;
        configurationFile = configurationFile == null ? "" : configurationFile;
        sshUser = sshUser == null ? "" : sshUser;
        sshPassword = sshPassword == null ? "" : sshPassword;
        host = host == null ? "" : host;
    }

    public LiveEndpoint withHost(String newHost) {
        return new LiveEndpoint(name, image, ports, presentations, configurationType, configurationFile,
                sshUser, sshPassword, newHost);
    }

    @Override
    public String toString() {
        return "LiveEndpoint[name=" + name + ", image=" + image + ", ports=" + ports + ", presentations=" + presentations
                + ", configurationType=" + configurationType + ", configurationFile=" + configurationFile
                + ", sshUser=" + sshUser + ", host=" + host + "]";
    }
}
