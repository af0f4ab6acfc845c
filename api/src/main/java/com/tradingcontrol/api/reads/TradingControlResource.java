package com.tradingcontrol.api.reads;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.processors.domain.InvalidScopeException;
import com.tradingcontrol.processors.domain.control.Cause;
import com.tradingcontrol.processors.domain.control.ControlView;
import com.tradingcontrol.processors.domain.control.EffectiveMode;
import com.tradingcontrol.processors.domain.control.EffectiveModeCalculator;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** {@code GET /api/trading-control} and {@code GET /api/trading-control/effective}, from the projection. */
@Path("/api/trading-control")
@Produces(MediaType.APPLICATION_JSON)
public final class TradingControlResource {

    public record TradingControl(ObjectNode global, List<ObjectNode> scopes) {}

    public record CauseView(String scope, String kind, String mode, String setBy, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant setAt, String reason,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt, String message) {}

    public record Effective(String mode, boolean maintenance, List<CauseView> causes) {}

    private static final String GLOBAL = "global";

    private final ActiveProjection projection;
    private final Clock clock;

    public TradingControlResource(ActiveProjection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    /** Global state plus every other scope; a customer gets only its own {@code tenant:} scope besides global. */
    @GET
    public TradingControl controls(@Auth Caller caller) {
        List<ObjectNode> docs = projection.controlScopes();
        ObjectNode global = docs.stream().filter(d -> GLOBAL.equals(d.path("scope").asText()))
                .findFirst().map(DocumentViews::view).orElseGet(TradingControlResource::defaultGlobal);
        String ownScope = CallerScope.isStaff(caller) ? null : "tenant:" + CallerScope.ownTenant(caller, null);
        List<ObjectNode> scopes = docs.stream()
                .filter(d -> !GLOBAL.equals(d.path("scope").asText()))
                .filter(d -> ownScope == null || ownScope.equals(d.path("scope").asText()))
                .sorted(Comparator.comparing(d -> d.path("scope").asText()))
                .map(DocumentViews::view)
                .toList();
        return new TradingControl(global, scopes);
    }

    /**
     * The mode for (tenant, profile, symbol) with its explanation. A customer asks about its own tenant
     * only, and about a profile only if that profile is one of its own: otherwise the pause state of
     * another tenant's strategy would leak through the explanation. A profile that is not the
     * customer's answers 404 whether or not it exists elsewhere.
     */
    @GET
    @Path("/effective")
    public Effective effective(@Auth Caller caller, @QueryParam("tenant") String tenant,
                               @QueryParam("profile") String profile, @QueryParam("symbol") String symbol) {
        String effectiveTenant = blankToNull(tenant);
        String profileId = blankToNull(profile);
        if (!CallerScope.isStaff(caller)) {
            effectiveTenant = CallerScope.ownTenant(caller, effectiveTenant);
            if (profileId != null && projection.profile(effectiveTenant, profileId).isEmpty()) {
                throw new ApiException(ProblemCode.NOT_FOUND, "no profile '" + profileId + "' in your tenant");
            }
        }
        ControlView view = ControlView.of(projection.controlScopes().stream().map(ControlDocuments::toState).toList());
        EffectiveMode mode;
        try {
            mode = EffectiveModeCalculator.effective(view, effectiveTenant, profileId, blankToNull(symbol), clock.instant());
        } catch (InvalidScopeException e) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED, e.getMessage());
        }
        return new Effective(mode.mode().name(), mode.maintenance(),
                mode.causes().stream().map(TradingControlResource::view).toList());
    }

    private static CauseView view(Cause c) {
        return new CauseView(c.scope().toString(), c.kind().name(), c.mode().name(), c.setBy(), c.setAt(), c.reason(),
                c.expiresAt(), c.message());
    }

    private static ObjectNode defaultGlobal() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("scope", GLOBAL).put("mode", "ACTIVE").put("paused", false).put("killSwitch", false)
                .put("maintenance", false).putNull("maintenanceMessage").put("version", 0);
        return node;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
