package com.tradingcontrol.codec;

/**
 * A command record that decoded but is not a command at all (no command id, no payload, or a key
 * that is not the aggregate the payload addresses). It cannot get an outcome (there may be no id
 * to answer to, or answering would touch the wrong aggregate's partition), so it goes to the DLQ
 * through {@link DeadLetterProcessingHandler}.
 */
public class InvalidCommandException extends RuntimeException {
    public InvalidCommandException(String message) {
        super(message);
    }
}
