package com.tradingcontrol.domain;

/**
 * The actions a two-person rule may cover. Under its rule the first command only opens a proposal
 * ({@link ProposalOpened}); the action takes effect when a different admin approves it
 * ({@link ApproveProposal}) before it lapses. Whether a rule is on is configuration: one BOOLEAN
 * catalogue key per action ({@link #configKey()}), admin-only and audited like every config change.
 */
public enum ProposalAction {
    /** {@link ReleaseKillSwitch}; on unless configured off. */
    KILL_SWITCH_RELEASE("control.twoPerson.killSwitchRelease", "release the kill switch"),
    /** {@link ResumeTrading} of the global scope; off unless configured on. */
    GLOBAL_RESUME("control.twoPerson.globalResume", "resume global trading"),
    /** {@link SetMaintenanceMode} off; off unless configured on. */
    MAINTENANCE_OFF("control.twoPerson.maintenanceOff", "switch maintenance mode off");

    private final String configKey;
    private final String words;

    ProposalAction(String configKey, String words) {
        this.configKey = configKey;
        this.words = words;
    }

    /** The catalogue key (BOOLEAN, admin only) that switches this action's two-person rule. */
    public String configKey() {
        return configKey;
    }

    /** The action in words, e.g. "release the kill switch". */
    public String words() {
        return words;
    }

    /** The action this command would propose under its rule, or null when no rule may cover it. */
    public static ProposalAction proposedBy(Command command) {
        if (command instanceof ReleaseKillSwitch) {
            return KILL_SWITCH_RELEASE;
        }
        if (command instanceof ResumeTrading resume && resume.scope() != null && resume.scope().isGlobal()) {
            return GLOBAL_RESUME;
        }
        if (command instanceof SetMaintenanceMode maintenance && !maintenance.on()) {
            return MAINTENANCE_OFF;
        }
        return null;
    }
}
