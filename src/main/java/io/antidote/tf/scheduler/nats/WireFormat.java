package io.antidote.tf.scheduler.nats;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.antidote.tf.live.LessonScheduleRequest;
import io.antidote.tf.scheduler.IncomingRequest;
import io.antidote.tf.tracing.TraceContextException;
import io.antidote.tf.tracing.TracedMessages;
import io.antidote.tf.tracing.TracedMessages.TracedMessage;
import io.opentracing.SpanContext;
import io.opentracing.Tracer;
import java.io.IOException;

/**
 * The reference's lesson schedule request messages: the JSON LessonScheduleRequest behind a Jaeger binary span
 * context, framed by {@link TracedMessages} (which owns the context's layout and the "no trace" cases). A message
 * that is bare JSON (what a sender without tracing may produce) is accepted too, as an untraced request.
 */
public final class WireFormat {
    private final Tracer tracer;
    private final ObjectMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public WireFormat(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The message for {@code request}, sent from the span {@code context} (null: no trace). */
    public byte[] encode(SpanContext context, LessonScheduleRequest request) {
        try {
            return TracedMessages.frame(tracer, context, json.writeValueAsBytes(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a LessonScheduleRequest always serializes: " + e.getMessage(), e);
        }
    }

    /**
     * The request in {@code message} and the sender's span context (null when the message has none this tracer
     * can read).
     *
     * @throws MalformedMessageException saying why when the message is neither a framed request nor bare JSON of one
     */
    public IncomingRequest decode(byte[] message) {
        TracedMessage framed;
        try {
            framed = TracedMessages.unframe(tracer, message);
        } catch (TraceContextException e) {
            return decodeBareJson(message, new MalformedMessageException(e.getMessage(), message, e));
        }
        if (framed.payload().length == 0) {
            throw new MalformedMessageException("no request after the span context", message, null);
        }
        LessonScheduleRequest request;
        try {
            request = json.readValue(framed.payload(), LessonScheduleRequest.class);
        } catch (IOException e) {
            return decodeBareJson(message, new MalformedMessageException(
                    "the request after the span context is not a LessonScheduleRequest: " + firstLine(e), message, e));
        }
        return new IncomingRequest(request, framed.context());
    }

    private IncomingRequest decodeBareJson(byte[] message, MalformedMessageException framingProblem) {
        if (message.length == 0 || message[0] != '{') {
            throw framingProblem;
        }
        try {
            return IncomingRequest.untraced(json.readValue(message, LessonScheduleRequest.class));
        } catch (IOException e) {
            throw framingProblem;
        }
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int eol = message.indexOf('\n');
        return eol < 0 ? message : message.substring(0, eol);
    }
}
