package com.tradingcontrol.projections.projector;

import com.tradingcontrol.schemas.topics.TopicNames;
import java.util.List;

/** The two topics the projector folds; configurable so tests (and staging copies) can use others. */
public record ProjectorTopics(String events, String audit) {

    public ProjectorTopics {
        if (events == null || events.isBlank() || audit == null || audit.isBlank() || events.equals(audit)) {
            throw new IllegalArgumentException("topics.events and topics.audit must be two different topic names");
        }
    }

    public static ProjectorTopics standard() {
        return new ProjectorTopics(TopicNames.EVENTS, TopicNames.AUDIT);
    }

    public List<String> both() {
        return List.of(events, audit);
    }
}
