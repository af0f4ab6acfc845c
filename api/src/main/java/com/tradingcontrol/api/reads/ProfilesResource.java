package com.tradingcontrol.api.reads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.projections.projector.ProjectionContainer;
import com.tradingcontrol.projections.rebuild.ActiveProjection;
import com.tradingcontrol.projections.store.Query;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/profiles?tenant=}. Customers read their own tenant's partition only (naming another
 * tenant is refused before any read, so the answer cannot depend on that tenant's data); staff read
 * one tenant or, without {@code tenant}, all of them.
 */
@Path("/api/profiles")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfilesResource {

    public record ProfileView(String profileId, String tenantId, String name, boolean enabled, long version) {}

    public record Profiles(List<ProfileView> items) {}

    private final ActiveProjection projection;

    public ProfilesResource(ActiveProjection projection) {
        this.projection = projection;
    }

    @GET
    public Profiles list(@Auth Caller caller, @QueryParam("tenant") String tenant) {
        List<ObjectNode> docs;
        if (!CallerScope.isStaff(caller)) {
            docs = projection.profiles(CallerScope.ownTenant(caller, tenant));
        } else if (tenant != null && !tenant.isBlank()) {
            docs = projection.profiles(tenant);
        } else {
            docs = allTenants();
        }
        return new Profiles(docs.stream()
                .map(d -> new ProfileView(d.path("profileId").asText(), d.path("tenantId").asText(),
                        DocumentViews.text(d, "name"), d.path("enabled").asBoolean(false), d.path("version").asLong(0)))
                .sorted(Comparator.comparing(ProfileView::tenantId).thenComparing(ProfileView::profileId))
                .toList());
    }

    private List<ObjectNode> allTenants() {
        List<ObjectNode> all = new ArrayList<>();
        Query query = Query.crossPartition().pageSize(Query.MAX_PAGE_SIZE);
        ActiveProjection.ResultPage page;
        do {
            page = projection.query(ProjectionContainer.TRADING_PROFILES, query);
            all.addAll(page.items());
            query = query.continuation(page.continuation());
        } while (page.continuation() != null);
        return all;
    }
}
