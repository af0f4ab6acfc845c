package com.tradingcontrol.projections.projector;

import com.tradingcontrol.schemas.avro.EventEnvelope;

/**
 * An event (or a record of the events topic) the projector cannot fold: a payload type the domain
 * does not know (written by a newer version of the processors), a record it cannot decode, or an
 * event that contradicts its document. The policy is to stop, never to skip or guess: a skipped
 * event would leave its document behind the log for good (later events fold onto it), and a guess
 * could show a control as lifted. The projector's loop fails on it without committing the record,
 * its health says FAILED with this message, and once a projector that knows the event runs it
 * resumes at that very record, so nothing needs rebuilding.
 */
public final class UnprojectableEventException extends RuntimeException {

    private static final String ADVICE = "; the projector stops here rather than skip it: run a projector version"
            + " that knows this event (it resumes at this record)";

    UnprojectableEventException(EventEnvelope event, String why, Throwable cause) {
        super("cannot project event " + event.getEventId() + " (aggregate " + event.getAggregateId() + ", sequence "
                + event.getSequence() + ", payload " + typeOf(event.getPayload()) + "): " + why + ADVICE, cause);
    }

    UnprojectableEventException(String record, String why, Throwable cause) {
        super("cannot project record " + record + ": " + why + ADVICE, cause);
    }

    private static String typeOf(Object payload) {
        return payload == null ? "null" : payload.getClass().getSimpleName();
    }
}
