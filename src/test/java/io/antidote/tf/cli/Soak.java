package io.antidote.tf.cli;

/**
 * The soak ({@code bin/soak [LIFECYCLES=200] [AT_ONCE=4] [SEED]}): {@link ServeChaos} with many lifecycles and faults
 * at random (serve killed with SIGKILL and restarted, terraform killed, provisioners failing one time in eight),
 * counted at the end. Outside CI; its figures are in docs/performance.md. Exit 1 when anything was lost or leaked.
 */
public final class Soak {
    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        int lifecycles = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int atOnce = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : System.nanoTime();
        ServeChaos.Tally tally;
        try (CliLab lab = new CliLab()) {
            tally = new ServeChaos(lab, new ServeChaos.Plan(lifecycles, atOnce, 0.02, 0.04,
                    Math.max(2, lifecycles / 20), seed), 8, System.out).run();
        }
        System.out.println("soak (seed " + seed + "): " + tally.line());
        System.exit(tally.problems().isEmpty() ? 0 : 1);
    }
}
