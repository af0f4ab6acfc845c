package com.tradingcontrol.api.commands;

import com.tradingcontrol.api.auth.Caller;
import com.tradingcontrol.api.auth.Roles;
import com.tradingcontrol.api.ports.CommandPayload;
import com.tradingcontrol.api.requestid.RequestId;
import com.tradingcontrol.domain.ProposalAction;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * {@code POST /api/two-person/{action}/approve|reject}: approving or rejecting the open two-person
 * proposal of any action ({@code kill-switch-release}, {@code global-resume}, {@code maintenance-off}).
 * Proposals are opened by the ordinary commands (release, resume of global, maintenance off) while
 * their rule is on. Admins only; the processors refuse the proposer's own approval
 * (SECOND_ADMIN_REQUIRED) and an expired proposal (INVALID_STATE). See docs/security.md.
 */
@Path("/api/two-person/{action}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class TwoPersonCommands {
    private final CommandEndpoint endpoint;

    public TwoPersonCommands(CommandEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @POST
    @Path("/approve")
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> approve(@Auth Caller caller, @Context RequestId requestId,
                                             @BeanParam CommandHeaders headers, @PathParam("action") String action,
                                             CommandBodies.Reason body) {
        ProposalAction proposal = action(action);
        String reason = CommandInputs.requireReason(CommandInputs.requireBody(body).reason());
        return endpoint.submit(headers, requestId, caller, "global",
                new CommandPayload.ApproveProposal(proposal.name(), reason), null);
    }

    @POST
    @Path("/reject")
    @RolesAllowed(Roles.ADMIN)
    public CompletionStage<Response> reject(@Auth Caller caller, @Context RequestId requestId,
                                            @BeanParam CommandHeaders headers, @PathParam("action") String action,
                                            CommandBodies.Reason body) {
        ProposalAction proposal = action(action);
        String reason = CommandInputs.requireReason(CommandInputs.requireBody(body).reason());
        return endpoint.submit(headers, requestId, caller, "global",
                new CommandPayload.RejectProposal(proposal.name(), reason), null);
    }

    /** The action of a path segment: the enum name in lower case with dashes, e.g. {@code global-resume}. */
    static ProposalAction action(String segment) {
        for (ProposalAction action : ProposalAction.values()) {
            if (segment(action).equals(segment)) {
                return action;
            }
        }
        throw CommandInputs.invalid("unknown two-person action '" + segment + "'; one of "
                + Arrays.stream(ProposalAction.values()).map(TwoPersonCommands::segment).collect(Collectors.joining(", ")));
    }

    static String segment(ProposalAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
