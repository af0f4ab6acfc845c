package com.tradingcontrol.schemas.topics;

/**
 * The record key of {@link TopicNames#KEYED_COMMANDS}: one caller's Idempotency-Key. Every request
 * that uses the key lands in the same partition, whatever aggregate it addresses, so the processors'
 * gate sees them in order and can compare their fingerprints.
 */
public final class KeyedCommands {
    private KeyedCommands() {
    }

    /** {@code <key>@<subject>}: unambiguous because an Idempotency-Key cannot contain '@'. */
    public static String recordKey(String subject, String idempotencyKey) {
        if (idempotencyKey.indexOf('@') >= 0) {
            throw new IllegalArgumentException("an Idempotency-Key cannot contain '@'");
        }
        return idempotencyKey + "@" + subject;
    }
}
