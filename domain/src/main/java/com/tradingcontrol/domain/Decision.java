package com.tradingcontrol.domain;

import java.util.List;
import java.util.Objects;

/** The outcome of deciding one command: accepted with zero or more events, or rejected with a code. */
public sealed interface Decision permits Decision.Accepted, Decision.Rejected {

    /** The events to append; empty for a rejection or a no-op. */
    List<DomainEvent> events();

    static Accepted accepted(List<DomainEvent> events, String note) {
        return new Accepted(events, note);
    }

    static Accepted accepted(DomainEvent event) {
        return new Accepted(List.of(event), null);
    }

    /** An accepted command that changed nothing: no event, and a note saying why. */
    static Accepted noOp(String note) {
        return new Accepted(List.of(), Objects.requireNonNull(note, "a no-op must say why"));
    }

    static Rejected rejected(RejectionCode code, String message) {
        return new Rejected(code, message);
    }

    /** @param note nullable human remark, e.g. why nothing changed or why the effective mode stays restricted */
    record Accepted(List<DomainEvent> events, String note) implements Decision {
        public Accepted {
            events = List.copyOf(events);
        }

        public boolean isNoOp() {
            return events.isEmpty();
        }
    }

    record Rejected(RejectionCode code, String message) implements Decision {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public List<DomainEvent> events() {
            return List.of();
        }
    }
}
