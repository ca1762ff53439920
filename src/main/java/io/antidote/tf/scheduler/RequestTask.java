package io.antidote.tf.scheduler;

import java.time.Instant;

/** One request waiting in (or running from) its livelesson's lane; its text names it in shutdown reports. */
record RequestTask(IncomingRequest incoming, Instant receivedAt, RequestRunner runner) implements Runnable {

    @Override
    public void run() {
        runner.run(incoming, receivedAt);
    }

    @Override
    public String toString() {
        return incoming.request().operation() + " livelesson " + incoming.request().liveLessonId()
                + " (received " + receivedAt + ")";
    }
}
