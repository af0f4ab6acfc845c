package com.tradingcontrol.api.reads;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.errors.ApiException;
import com.tradingcontrol.api.errors.ProblemCode;
import com.tradingcontrol.api.push.PublicControlView;
import com.tradingcontrol.domain.InvalidScopeException;
import com.tradingcontrol.domain.control.Cause;
import com.tradingcontrol.domain.control.ControlView;
import com.tradingcontrol.domain.control.EffectiveMode;
import com.tradingcontrol.domain.control.EffectiveModeCalculator;
import com.tradingcontrol.domain.control.ProfileLookup;
import com.tradingcontrol.domain.profile.ProfileState;
import com.tradingcontrol.projections.projector.ControlDocuments;
import com.tradingcontrol.projections.projector.ProfileDocuments;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code GET /api/trading-control} and {@code GET /api/trading-control/effective}, from the projection. */
@Path("/api/trading-control")
@Produces(MediaType.APPLICATION_JSON)
public final class TradingControlResource {

    /** The documents' API views ({@link DocumentViews}); served pre-rendered, see {@link ControlListing}. */
    public record TradingControl(JsonNode global, List<JsonNode> scopes) {}

    public record CauseView(String scope, String kind, String mode, String setBy, @JsonFormat(shape = JsonFormat.Shape.STRING) Instant setAt, String reason,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) Instant expiresAt, String message) {}

    public record Effective(String mode, boolean maintenance, List<CauseView> causes) {}

    private final ActiveProjection projection;
    private final Clock clock;
    /** The rendering of the projection's latest listing; requests racing on a new listing may each render it. */
    private volatile ControlListing listing = ControlListing.EMPTY;

    public TradingControlResource(ActiveProjection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    /**
     * Global state plus every other scope, sorted by scope; a customer gets only its own {@code tenant:}
     * scope besides global. Global defaults to active when the projection has no document for it yet.
     */
    @GET
    public TradingControl controls(@Auth Caller caller) {
        String ownScope = CallerScope.isStaff(caller) ? null : "tenant:" + CallerScope.ownTenant(caller, null);
        return rendered(projection.controlScopes()).visibleTo(ownScope);
    }

    /** The rendering of {@code docs}: the kept one while the projection serves the same listing, else a new one. */
    private ControlListing rendered(List<ObjectNode> docs) {
        ControlListing current = listing;
        if (!current.isOf(docs)) {
            current = ControlListing.of(docs, current);
            listing = current;
        }
        return current;
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
        // The documents read back into the domain states they render, so the decision is the domain's own.
        ControlView view = ControlView.of(projection.controlScopes().stream().map(ControlDocuments::read).toList());
        EffectiveMode mode;
        try {
            mode = EffectiveModeCalculator.effective(view, this::profileStatus, effectiveTenant, profileId,
                    blankToNull(symbol), clock.instant());
        } catch (InvalidScopeException e) {
            throw new ApiException(ProblemCode.VALIDATION_FAILED, e.getMessage());
        }
        boolean staff = CallerScope.isStaff(caller);
        return new Effective(mode.mode().name(), mode.maintenance(),
                mode.causes().stream().map(c -> view(c, staff)).toList());
    }

    /** A profile document as the decision needs it: enabled or not, and its last change. */
    private Optional<ProfileLookup.ProfileStatus> profileStatus(String tenantId, String profileId) {
        return projection.profile(tenantId, profileId).map(ProfileDocuments::read).map(TradingControlResource::status);
    }

    static ProfileLookup.ProfileStatus status(ProfileState profile) {
        var last = profile.lastChange();
        return new ProfileLookup.ProfileStatus(profile.enabled(), last == null ? null : last.actorSubject(),
                last == null ? null : last.at(), last == null ? null : last.reason());
    }

    /** Customers get no staff name or internal reason for a shared (global, symbol) control; see PublicControlView. */
    private static CauseView view(Cause c, boolean staff) {
        String scope = c.scope().toString();
        boolean full = staff || !PublicControlView.isShared(scope);
        return new CauseView(scope, c.kind().name(), c.mode().name(), full ? c.setBy() : null, c.setAt(),
                full ? c.reason() : null, c.expiresAt(), c.message());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
