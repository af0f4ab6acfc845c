package com.tradingcontrol.api.fold;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.push.ScopeState;
import com.tradingcontrol.api.reads.ConfigEntries;
import com.tradingcontrol.api.reads.ProfilesResource;
import com.tradingcontrol.api.reads.TradingControlResource;
import com.tradingcontrol.domain.AggregateState;
import com.tradingcontrol.domain.Provenance;
import com.tradingcontrol.domain.config.ConfigKeyDefinition;
import com.tradingcontrol.domain.config.ConfigState;
import com.tradingcontrol.domain.control.ControlState;
import com.tradingcontrol.domain.control.TwoPersonProposals;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.EffectiveMode;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;
import com.tradingcontrol.domain.control.ProfileLookup;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.domain.TradingDomain;
import com.tradingcontrol.projections.projector.ConfigDocuments;
import com.tradingcontrol.projections.projector.ControlDocuments;
import com.tradingcontrol.projections.projector.ProfileDocuments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares, field by field, what each fold made of the same events: the domain's states against the
 * projector's documents (read back), the API's push view and its read resources, and the effective
 * decision for sample queries. Returns one line per difference.
 */
final class FoldComparison {

    private static final Caller STAFF = new Caller("auditor", null, Set.of("admin"));

    private final FoldPipeline p;
    private final List<String> out = new ArrayList<>();

    private FoldComparison(FoldPipeline pipeline) {
        this.p = pipeline;
    }

    static List<String> differences(FoldPipeline pipeline, RandomHistories history) {
        FoldComparison c = new FoldComparison(pipeline);
        c.controls();
        c.profiles(history);
        c.config();
        c.effective(history);
        return c.out;
    }

    private void controls() {
        Set<String> scopes = new TreeSet<>();
        p.domain.values().stream().filter(ControlState.class::isInstance).forEach(s -> scopes.add(s.aggregateId()));
        p.projection.controlScopes().forEach(doc -> scopes.add(doc.path("scope").asText()));
        p.pushView.all().forEach(s -> scopes.add(s.scope()));
        for (String scope : scopes) {
            ControlState domain = (ControlState) p.domain.get(scope);
            Optional<ObjectNode> doc = p.projection.controlScope(scope);
            Optional<ScopeState> push = p.pushView.state(scope);
            if (domain == null || doc.isEmpty() || push.isEmpty()) {
                out.add("control " + scope + " exists in domain " + (domain != null) + ", projection "
                        + doc.isPresent() + ", push view " + push.isPresent());
                continue;
            }
            same("control " + scope + " state (document read back)", withoutCommandIds(domain),
                    withoutCommandIds(ControlDocuments.read(doc.get())));
            same("control " + scope + " document mode", domain.imposedMode().name(), doc.get().path("mode").asText());
            push(scope, domain, push.get());
        }
    }

    private void push(String scope, ControlState domain, ScopeState view) {
        String what = "control " + scope + " push view ";
        same(what + "mode", domain.imposedMode().name(), view.mode());
        same(what + "version", domain.version(), view.version());
        same(what + "killSwitch", domain.isKillSwitchEngaged(), view.killSwitch());
        same(what + "maintenance", domain.isMaintenanceOn(), view.maintenance());
        same(what + "maintenanceMessage", domain.isMaintenanceOn() ? domain.maintenance().message() : null,
                view.maintenanceMessage());
        same(what + "expiresAt", domain.pause() == null ? null : domain.pause().expiresAt(), view.expiresAt());
        same(what + "reduceOnly", domain.reduceOnly() != null, view.reduceOnly());
        same(what + "reduceOnlyExpiresAt", domain.reduceOnly() == null ? null : domain.reduceOnly().expiresAt(),
                view.reduceOnlyExpiresAt());
        same(what + "proposals", domain.proposals().all().stream().map(p -> new ScopeState.Proposal(p.action().name(),
                p.proposedBy().actorSubject(), p.proposedBy().reason(), p.expiresAt())).toList(), view.proposals());
    }

    private void profiles(RandomHistories history) {
        for (int t = 0; t < 2; t++) {
            String tenant = history.tenant(t);
            List<ProfilesResource.ProfileView> listed = p.profiles.list(STAFF, tenant).items();
            List<ProfilesResource.ProfileView> expected = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String profile = history.profile(i);
                ProfileState domain = (ProfileState) p.domain.get("profile:" + tenant + ":" + profile);
                Optional<ObjectNode> doc = p.projection.profile(tenant, profile);
                if (domain == null || doc.isEmpty()) {
                    same("profile " + tenant + "/" + profile + " exists", domain != null, doc.isPresent());
                    continue;
                }
                expected.add(new ProfilesResource.ProfileView(profile, tenant, domain.name(), domain.enabled(),
                        domain.version()));
                same("profile " + tenant + "/" + profile + " state (document read back)", normalized(domain),
                        normalized(ProfileDocuments.read(doc.get())));
            }
            same("profiles of " + tenant + " (GET /api/profiles)", expected, listed);
        }
    }

    private void config() {
        for (ConfigKeyDefinition def : TradingDomain.withDefaultCatalogue().catalogue().keys().values()) {
            ConfigState domain = (ConfigState) p.domain.get("config:" + def.key());
            ConfigEntries.Entry entry = p.config.find(def.key()).orElseThrow();
            JsonNode value = ConfigDocuments.json(domain == null ? def.defaultValue() : domain.effectiveValue(def));
            same("config " + def.key() + " value (GET /api/config)", value.toString(),
                    number(entry.value()).toString());
            same("config " + def.key() + " version", domain == null ? 0 : domain.version(), entry.version());
            p.projection.config(def.key()).ifPresent(doc -> same("config " + def.key() + " state (document read back)",
                    domain == null ? null : normalized(domain), normalized(ConfigDocuments.read(doc))));
        }
    }

    private void effective(RandomHistories history) {
        ControlView view = ControlView.of(p.domain.values().stream().filter(ControlState.class::isInstance)
                .map(ControlState.class::cast).toList());
        ProfileLookup lookup = (tenant, profile) -> Optional.ofNullable(
                (ProfileState) p.domain.get("profile:" + tenant + ":" + profile)).filter(ProfileState::exists)
                .map(s -> new ProfileLookup.ProfileStatus(s.enabled(), s.lastChange().actorSubject(),
                        s.lastChange().at(), s.lastChange().reason()));
        TradingControlResource controls = p.controls();
        for (String tenant : Arrays.asList(null, history.tenant(0), history.tenant(1))) {
            for (String profile : tenant == null ? Arrays.asList((String) null)
                    : Arrays.asList(null, history.profile(0), history.profile(1))) {
                for (String symbol : Arrays.asList(null, history.symbol(0), history.symbol(1))) {
                    EffectiveMode domain = EffectiveModeCalculator.effective(view, lookup, tenant, profile, symbol,
                            p.now());
                    TradingControlResource.Effective api = controls.effective(STAFF, tenant, profile, symbol);
                    same("effective " + tenant + "/" + profile + "/" + symbol, expected(domain), api);
                }
            }
        }
    }

    private static TradingControlResource.Effective expected(EffectiveMode domain) {
        return new TradingControlResource.Effective(domain.mode().name(), domain.maintenance(), domain.causes().stream()
                .map(c -> new TradingControlResource.CauseView(c.scope().toString(), c.kind().name(), c.mode().name(),
                        c.setBy(), c.setAt(), c.reason(), c.expiresAt(), c.message()))
                .toList());
    }

    /** Documents keep no command ids: the comparison leaves them out. */
    private static ControlState withoutCommandIds(ControlState s) {
        return new ControlState(s.scope(), s.version(),
                s.pause() == null ? null : new ControlState.Pause(strip(s.pause().setBy()), s.pause().expiresAt()),
                s.killSwitch() == null ? null : new ControlState.KillSwitch(strip(s.killSwitch().engagedBy())),
                s.maintenance() == null ? null
                        : new ControlState.Maintenance(s.maintenance().message(), strip(s.maintenance().enabledBy())),
                s.reduceOnly() == null ? null
                        : new ControlState.ReduceOnly(strip(s.reduceOnly().setBy()), s.reduceOnly().expiresAt()),
                TwoPersonProposals.of(s.proposals().all().stream().map(p -> new TwoPersonProposals.Proposal(p.action(),
                        strip(p.proposedBy()), p.expiresAt())).toList()));
    }

    private static ProfileState normalized(ProfileState s) {
        return new ProfileState(s.tenantId(), s.profileId(), s.version(), s.exists(), s.name(), s.enabled(),
                strip(s.lastChange()));
    }

    private static ConfigState normalized(ConfigState s) {
        return new ConfigState(s.key(), s.version(), s.value(), strip(s.lastChange()));
    }

    /** Without command id; an empty reason is none (the document writes none as ""). */
    private static Provenance strip(Provenance p) {
        return p == null ? null : new Provenance(p.actorSubject(), p.at(), null,
                p.reason() == null || p.reason().isEmpty() ? null : p.reason());
    }

    /** Stores hand back 5 as an int or a long: compare numbers by value. */
    private static JsonNode number(JsonNode node) {
        return node.isIntegralNumber() ? ConfigDocuments.json(com.tradingcontrol.domain.ConfigValue.of(node.longValue()))
                : node;
    }

    private void same(String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            out.add(what + ":\n    domain:   " + expected + "\n    other:    " + actual);
        }
    }
}
