package com.tradingcontrol.codec.audit;

import java.util.Objects;

/**
 * The end of one audit chain: the sequence and hash of its last record, which the next record
 * links to. {@link #genesis} is the state before the first record.
 */
public record ChainHead(String chainId, long sequence, String hash) {

    public ChainHead {
        Objects.requireNonNull(chainId, "chainId");
        Objects.requireNonNull(hash, "hash");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must be >= 0: " + sequence);
        }
    }

    public static ChainHead genesis(String chainId) {
        return new ChainHead(chainId, 0, AuditHashing.GENESIS);
    }

    /** The chain id of the audit chain fed by one partition of the command stream. */
    public static String chainIdFor(int partition) {
        return "chain-" + partition;
    }

    /** Inverse of {@link #chainIdFor}; throws when the id does not follow the pattern. */
    public static int partitionOf(String chainId) {
        if (chainId == null || !chainId.startsWith("chain-")) {
            throw new IllegalArgumentException("not an audit chain id: " + chainId);
        }
        return Integer.parseInt(chainId.substring("chain-".length()));
    }
}
