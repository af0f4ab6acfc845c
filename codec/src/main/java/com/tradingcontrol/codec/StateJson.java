package com.tradingcontrol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.codec.audit.ChainHead;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.ProposalAction;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.Scope;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.TwoPersonProposals;
import com.tradingcontrol.domain.profile.ProfileState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON form of the aggregate states kept in state stores and shown in audit before/after fields.
 * Mapped field by field instead of letting Jackson bind the records: the domain records stay free
 * of annotations, and the stored format is spelled out here so it can only change on purpose
 * (changelog topics keep old values for as long as the aggregate lives).
 */
public final class StateJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The bytes of one encoded state (what a state store or a document keeps). */
    public static byte[] write(JsonNode node) throws java.io.IOException {
        return MAPPER.writeValueAsBytes(node);
    }

    /** The JSON tree of bytes written by {@link #write}. */
    public static JsonNode read(byte[] bytes) throws java.io.IOException {
        return MAPPER.readTree(bytes);
    }

    private StateJson() {
    }

    /** Compact JSON of any aggregate state, for audit records. */
    public static String summary(AggregateState state) {
        return state == null ? null : encode(state).toString();
    }

    public static JsonNode encode(AggregateState state) {
        if (state instanceof ControlState c) {
            return control(c);
        }
        if (state instanceof ConfigState c) {
            return config(c);
        }
        return profile((ProfileState) state);
    }

    public static ObjectNode control(ControlState s) {
        ObjectNode n = MAPPER.createObjectNode().put("scope", s.scope().toString()).put("version", s.version());
        if (s.pause() != null) {
            ObjectNode pause = n.putObject("pause");
            pause.set("setBy", provenance(s.pause().setBy()));
            pause.put("expiresAt", instant(s.pause().expiresAt()));
        }
        if (s.killSwitch() != null) {
            n.putObject("killSwitch").set("engagedBy", provenance(s.killSwitch().engagedBy()));
        }
        for (TwoPersonProposals.Proposal p : s.proposals().all()) {
            ObjectNode proposal = n.withArray("proposals").addObject().put("action", p.action().name());
            proposal.set("proposedBy", provenance(p.proposedBy()));
            proposal.put("expiresAt", instant(p.expiresAt()));
        }
        if (s.maintenance() != null) {
            ObjectNode m = n.putObject("maintenance").put("message", s.maintenance().message());
            m.set("enabledBy", provenance(s.maintenance().enabledBy()));
        }
        if (s.reduceOnly() != null) {
            ObjectNode reduceOnly = n.putObject("reduceOnly");
            reduceOnly.set("setBy", provenance(s.reduceOnly().setBy()));
            reduceOnly.put("expiresAt", instant(s.reduceOnly().expiresAt()));
        }
        return n;
    }

    public static ControlState control(JsonNode n) {
        JsonNode pause = n.get("pause");
        JsonNode kill = n.get("killSwitch");
        JsonNode maintenance = n.get("maintenance");
        JsonNode reduceOnly = n.get("reduceOnly");
        return new ControlState(Scope.parse(n.get("scope").asText()), n.get("version").asLong(),
                pause == null ? null : new ControlState.Pause(provenance(pause.get("setBy")),
                        instant(pause.get("expiresAt"))),
                kill == null ? null : new ControlState.KillSwitch(provenance(kill.get("engagedBy"))),
                maintenance == null ? null : new ControlState.Maintenance(text(maintenance.get("message")),
                        provenance(maintenance.get("enabledBy"))),
                reduceOnly == null ? null : new ControlState.ReduceOnly(provenance(reduceOnly.get("setBy")),
                        instant(reduceOnly.get("expiresAt"))), proposals(n));
    }

    /** The proposals: a list since global resume and maintenance off have them, before only the kill switch's. */
    private static TwoPersonProposals proposals(JsonNode n) {
        List<TwoPersonProposals.Proposal> proposals = new ArrayList<>();
        for (JsonNode p : n.path("proposals")) {
            proposals.add(new TwoPersonProposals.Proposal(ProposalAction.valueOf(p.get("action").asText()),
                    provenance(p.get("proposedBy")), instant(p.get("expiresAt"))));
        }
        JsonNode legacy = n.path("killSwitch").get("releaseProposal");
        if (legacy != null) {
            proposals.add(new TwoPersonProposals.Proposal(ProposalAction.KILL_SWITCH_RELEASE,
                    provenance(legacy.get("proposedBy")), instant(legacy.get("expiresAt"))));
        }
        return TwoPersonProposals.of(proposals);
    }

    public static ObjectNode config(ConfigState s) {
        ObjectNode n = MAPPER.createObjectNode().put("key", s.key()).put("version", s.version());
        if (s.value() != null) {
            n.put("kind", s.value().kind().name());
            n.set("value", MAPPER.valueToTree(ConfigValues.toAvro(s.value())));
        }
        if (s.lastChange() != null) {
            n.set("lastChange", provenance(s.lastChange()));
        }
        return n;
    }

    public static ConfigState config(JsonNode n) {
        ConfigValue value = null;
        if (n.hasNonNull("kind")) {
            JsonNode v = n.get("value");
            value = switch (ConfigValue.Kind.valueOf(n.get("kind").asText())) {
                case BOOLEAN -> ConfigValue.of(v.asBoolean());
                case LONG -> ConfigValue.of(v.asLong());
                case DOUBLE -> ConfigValue.of(v.asDouble());
                case STRING -> ConfigValue.of(v.asText());
            };
        }
        return new ConfigState(n.get("key").asText(), n.get("version").asLong(), value,
                n.has("lastChange") ? provenance(n.get("lastChange")) : null);
    }

    public static ObjectNode profile(ProfileState s) {
        ObjectNode n = MAPPER.createObjectNode().put("tenantId", s.tenantId()).put("profileId", s.profileId())
                .put("version", s.version()).put("exists", s.exists()).put("name", s.name())
                .put("enabled", s.enabled());
        if (s.lastChange() != null) {
            n.set("lastChange", provenance(s.lastChange()));
        }
        return n;
    }

    public static ProfileState profile(JsonNode n) {
        return new ProfileState(n.get("tenantId").asText(), n.get("profileId").asText(), n.get("version").asLong(),
                n.get("exists").asBoolean(), text(n.get("name")), n.get("enabled").asBoolean(),
                n.has("lastChange") ? provenance(n.get("lastChange")) : null);
    }

    public static ObjectNode chainHead(ChainHead h) {
        return MAPPER.createObjectNode().put("chainId", h.chainId()).put("sequence", h.sequence())
                .put("hash", h.hash());
    }

    public static ChainHead chainHead(JsonNode n) {
        return new ChainHead(n.get("chainId").asText(), n.get("sequence").asLong(), n.get("hash").asText());
    }

    private static ObjectNode provenance(Provenance p) {
        return MAPPER.createObjectNode().put("actor", p.actorSubject()).put("at", instant(p.at()))
                .put("commandId", p.commandId()).put("reason", p.reason());
    }

    private static Provenance provenance(JsonNode n) {
        return new Provenance(n.get("actor").asText(), instant(n.get("at")), text(n.get("commandId")),
                text(n.get("reason")));
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(JsonNode node) {
        return node == null || node.isNull() ? null : Instant.parse(node.asText());
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
