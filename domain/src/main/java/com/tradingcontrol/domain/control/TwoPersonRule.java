package com.tradingcontrol.domain.control;

import com.tradingcontrol.domain.ConfigValue;
import com.tradingcontrol.domain.ProposalAction;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which actions need two persons, from the dynamic config: one BOOLEAN key per action
 * ({@link ProposalAction#configKey()}), so changing a rule is itself an admin-only, audited config
 * command. Releasing the kill switch is covered unless its key says otherwise; global resume and
 * maintenance off only when their keys say so.
 *
 * @param required the actions whose first command only opens a proposal that a different admin must approve
 */
public record TwoPersonRule(Set<ProposalAction> required) {

    /** The catalogue key of the kill-switch release rule (BOOLEAN, default true, admin only). */
    public static final String KILL_SWITCH_RELEASE_KEY = ProposalAction.KILL_SWITCH_RELEASE.configKey();

    /** The rules while nobody has changed a key: the catalogue defaults. */
    public static final TwoPersonRule DEFAULT = new TwoPersonRule(EnumSet.of(ProposalAction.KILL_SWITCH_RELEASE));

    /** No action needs two persons. */
    public static final TwoPersonRule NONE = new TwoPersonRule(EnumSet.noneOf(ProposalAction.class));

    public TwoPersonRule {
        required = required.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(required));
    }

    public boolean requires(ProposalAction action) {
        return required.contains(action);
    }

    /** These rules with {@code action}'s set from its key's value in force (null: never set, the default stands). */
    public TwoPersonRule with(ProposalAction action, ConfigValue value) {
        if (!(value instanceof ConfigValue.BoolValue b)) {
            return this;
        }
        EnumSet<ProposalAction> next = required.isEmpty() ? EnumSet.noneOf(ProposalAction.class) : EnumSet.copyOf(required);
        if (b.value()) {
            next.add(action);
        } else {
            next.remove(action);
        }
        return new TwoPersonRule(next);
    }
}
