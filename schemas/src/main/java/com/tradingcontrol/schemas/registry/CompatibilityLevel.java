package com.tradingcontrol.schemas.registry;

/**
 * Compatibility levels with the names and meaning used by the Confluent Schema Registry REST API.
 *
 * <ul>
 *   <li>BACKWARD: consumers using the new schema can read data written with the previous one.</li>
 *   <li>FORWARD: consumers still on the previous schema can read data written with the new one.</li>
 *   <li>FULL: both.</li>
 *   <li>*_TRANSITIVE: the same rule against every earlier version, not only the latest.</li>
 *   <li>NONE: no check.</li>
 * </ul>
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** True when the new schema, as reader, must read data written with existing versions. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** True when existing versions, as readers, must read data written with the new schema. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** True when every earlier version is checked, false when only the latest is. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level name as sent by a registry; the message names the offending value. */
    public static CompatibilityLevel parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("compatibility level is missing");
        }
        try {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown compatibility level '" + name + "'", e);
        }
    }
}
