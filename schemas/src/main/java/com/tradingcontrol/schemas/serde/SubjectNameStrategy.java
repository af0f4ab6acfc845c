package com.tradingcontrol.schemas.serde;

/** Which registry subject a topic's keys or values are registered under. */
@FunctionalInterface
public interface SubjectNameStrategy {

    /** Confluent's default: {@code <topic>-key} for keys, {@code <topic>-value} for values. */
    SubjectNameStrategy TOPIC_NAME = (topic, isKey) -> topic + (isKey ? "-key" : "-value");

    String subject(String topic, boolean isKey);
}
