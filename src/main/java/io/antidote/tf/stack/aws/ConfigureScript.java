package io.antidote.tf.stack.aws;

import io.antidote.tf.stack.Configurator;
import java.util.List;

/**
 * {@code /opt/antidote/configure.sh <stage>}: runs the configurator container for every configured endpoint, in
 * lesson order, up to 3 attempts each, after waiting for the endpoint's SSH port. The configuration password is read
 * at run time from SSM ({@code <imageSecretsPath>/<image>/configPassword}); it is never in the script.
 */
public final class ConfigureScript {
    private ConfigureScript() {
    }

    public static String render(HostPlan plan, HostSettings s, List<String> addresses) {
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/bash\n# configures livelesson ").append(s.uullid()).append(" for stage $1\n");
        b.append("set -uo pipefail\nSTAGE=$1\nFAILED=0\n");
        b.append("secret() { aws ssm get-parameter --region ").append(s.region())
                .append(" --with-decryption --name \"$1\" --query Parameter.Value --output text; }\n");
        b.append("reachable() { timeout 600 bash -c \"until (exec 3<>/dev/tcp/$1/22) 2>/dev/null; do sleep 5; done\"; }\n");
        b.append("run() {\n  local ep=$1 attempt\n  shift\n  for attempt in 1 2 3; do\n")
                .append("    docker run --rm --network antidote --dns-search ").append(s.zoneName())
                .append(" -v /antidote:/antidote -e ANTIDOTE_TARGET_HOST -e ANTIDOTE_TARGET_USERNAME")
                .append(" -e ANTIDOTE_TARGET_PASSWORD -e ANSIBLE_HOST_KEY_CHECKING=False ")
                .append(s.configuratorImage()).append(" \"$@\" && return 0\n")
                .append("    echo \"configuring $ep failed (attempt $attempt of 3)\" >&2\n    sleep 5\n  done\n  return 1\n}\n");
        for (EndpointSpec ep : plan.endpoints()) {
            if (!ep.configurationType().equals(io.antidote.tf.lesson.ConfigurationType.NONE)) {
                endpoint(b, ep, s, addresses.get(ep.index()));
            }
        }
        b.append("exit $FAILED\n");
        return b.toString();
    }

    private static void endpoint(StringBuilder b, EndpointSpec ep, HostSettings s, String ip) {
        String file = "/antidote/stage$STAGE/configs/" + ep.configurationFile();
        b.append("export ANTIDOTE_TARGET_HOST=").append(ip).append(" ANTIDOTE_TARGET_USERNAME='")
                .append(ep.configUser()).append("'\n");
        b.append("ANTIDOTE_TARGET_PASSWORD=$(secret '").append(s.imageSecretsPath()).append('/').append(ep.imageSlug())
                .append("/configPassword')\nexport ANTIDOTE_TARGET_PASSWORD\n");
        b.append("reachable ").append(ip).append(" || echo 'endpoint ").append(ep.name()).append(" is not reachable on 22' >&2\n");
        String command = switch (ep.configurationType()) {
            case PYTHON -> "python " + file;
            case ANSIBLE -> "ansible-playbook -vvvv -i " + ip + ", " + file;
            case NAPALM -> "/configure.py \"$ANTIDOTE_TARGET_USERNAME\" \"$ANTIDOTE_TARGET_PASSWORD\" "
                    + napalmDriver(ep.configurationFile()) + " 22 " + ip + " " + file;
            case NONE -> throw new IllegalStateException("endpoint " + ep.name() + " has no configuration");
        };
        b.append("run ").append(ep.name()).append(' ').append(command).append(" || FAILED=1\n");
    }

    /** The NAPALM driver of a file named {@code <endpoint>-<driver>.txt}. */
    static String napalmDriver(String file) {
        return Configurator.napalmDriver(file);
    }
}
