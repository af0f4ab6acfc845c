package com.tradingcontrol.domain;

/** Common face of every aggregate's state, so one state store can hold them all. */
public interface AggregateState {

    /** The aggregate id, which is also the Kafka key of its commands and events. */
    String aggregateId();

    /** Number of events applied so far; the next event gets sequence {@code version() + 1}. */
    long version();
}
