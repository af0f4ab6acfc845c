package com.tradingcontrol.schemas.config;

import java.util.List;

/** The projector's keys ({@code ProjectorConfig}), besides the {@link SharedKeys#STORE} ones. */
public final class ProjectorKeys {
    /** Static group membership id: stable across restarts of this projector, unique among live ones. */
    public static final String INSTANCE_ID = "kafka.instanceId";
    public static final String POLL_TIMEOUT = "projector.pollTimeout";
    public static final String BACKOFF_INITIAL = "projector.backoffInitial";
    public static final String BACKOFF_MAX = "projector.backoffMax";
    public static final String POINTER_CHECK = "projector.pointerCheck";
    public static final String MAX_POLL_RECORDS = "projector.maxPollRecords";
    /** Port of /health/live and /health/ready of {@code projector run} (unset: none; 0: any free port). */
    public static final String HEALTH_PORT = "projector.healthPort";
    /** Readiness: at most this many records behind the log end. */
    public static final String READY_MAX_LAG = "projector.readyMaxLag";
    public static final String REBUILD_HANDOVER = "rebuild.handover";
    public static final String REBUILD_DROP_GRACE = "rebuild.dropGrace";
    public static final String REBUILD_CATCH_UP_TIMEOUT = "rebuild.catchUpTimeout";
    public static final String REBUILD_DROP_OLD = "rebuild.dropOld";

    public static final KeySet KEYS = SharedKeys.STORE.and(new KeySet(List.of(INSTANCE_ID, POLL_TIMEOUT,
            BACKOFF_INITIAL, BACKOFF_MAX, POINTER_CHECK, MAX_POLL_RECORDS, HEALTH_PORT, READY_MAX_LAG, REBUILD_HANDOVER,
            REBUILD_DROP_GRACE, REBUILD_CATCH_UP_TIMEOUT, REBUILD_DROP_OLD), List.of()));

    private ProjectorKeys() {
    }
}
