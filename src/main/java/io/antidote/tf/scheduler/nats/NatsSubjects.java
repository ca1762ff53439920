package io.antidote.tf.scheduler.nats;

/** The NATS subjects the reference's API, scheduler and stats service talk on. */
public final class NatsSubjects {
    /** Requests from the API to the scheduler. */
    public static final String INCOMING = "antidote.lsr.incoming";
    /** Requests the scheduler finished (successful CREATEs), for the stats service. */
    public static final String COMPLETED = "antidote.lsr.completed";

    private NatsSubjects() {
    }
}
