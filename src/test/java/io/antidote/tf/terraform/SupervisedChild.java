package io.antidote.tf.terraform;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A JVM of its own for {@link ProcessSupervisorIT}: runs the shell script given as the second argument through the
 * supervisor, in the directory given as the first, and prints {@code ready} once the script printed {@code ready}.
 * Then it reads commands on its stdin: {@code cancel} interrupts the run (the supervisor's two-phase cancel) and
 * prints {@code cancelled}; {@code exit} exits the JVM at once (its shutdown hooks run). The test may also kill it.
 */
public final class SupervisedChild {
    private SupervisedChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        CountDownLatch ready = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                new ProcessSupervisor().run(List.of("/bin/sh", "-c", args[1]), dir, Map.of("PATH", "/usr/bin:/bin"),
                        new ProcessSupervisor.Limits(Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofSeconds(30)),
                        (stderr, line) -> {
                            if (line.equals("ready")) {
                                ready.countDown();
                            }
                        }, pid -> { });
                System.out.println("exited");
            } catch (InterruptedException e) {
                System.out.println("cancelled");
            } catch (Exception e) {
                System.out.println("failed: " + e);
            }
            System.out.flush();
        }, "supervised-child-worker");
        worker.start();
        ready.await();
        System.out.println("ready");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("cancel")) {
                worker.interrupt();
                worker.join();
                return;
            }
            if (line.equals("exit")) {
                System.exit(0);
            }
        }
    }
}
