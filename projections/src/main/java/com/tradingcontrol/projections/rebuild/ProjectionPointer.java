package com.tradingcontrol.projections.rebuild;

/**
 * The active-version pointer document ({@code id = "pointer"} in {@code projection-meta}):
 * which container version readers use and which consumer group keeps it current, plus the version
 * being rebuilt, if any. Changed only by conditional writes, so a switch is one atomic step.
 *
 * @param etag the stored version this was read from (null for a not yet written pointer)
 */
public record ProjectionPointer(int active, String activeGroup, Integer building, String buildingGroup,
                                Integer previous, long changedAt, String etag) {

    public boolean isBuilding() {
        return building != null;
    }
}
