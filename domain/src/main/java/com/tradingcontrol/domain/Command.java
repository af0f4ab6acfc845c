package com.tradingcontrol.domain;

/**
 * Every command the processors accept. Grouped per aggregate so each decider can handle its own
 * group exhaustively. All commands live in this package because Java only lets a sealed type in
 * an unnamed module permit subtypes from its own package.
 */
public sealed interface Command permits ControlCommand, UpdateConfig, ProfileCommand {
}
