package com.tradingcontrol.projections.projector;

import com.tradingcontrol.projections.store.ContainerSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Physical container names of one projection version: {@code <prefix><base>-v<version>}, e.g.
 * {@code trading-control-v3}. The prefix lets several environments (or tests) share one store.
 */
public record ContainerNames(String prefix, int version) {

    public ContainerNames {
        if (prefix == null || !prefix.matches("[A-Za-z0-9_-]*")) {
            throw new IllegalArgumentException("projection.prefix must be letters, digits, '-' or '_': " + prefix);
        }
        if (version < 1) {
            throw new IllegalArgumentException("projection version must be >= 1: " + version);
        }
    }

    public String name(ProjectionContainer container) {
        return prefix + container.baseName() + "-v" + version;
    }

    public ContainerSpec spec(ProjectionContainer container) {
        return container.spec(name(container));
    }

    public List<ContainerSpec> specs() {
        return Arrays.stream(ProjectionContainer.values()).map(this::spec).toList();
    }

    public ContainerNames withVersion(int otherVersion) {
        return new ContainerNames(prefix, otherVersion);
    }

    /** The unversioned container holding the active-version pointer. */
    public static String metaContainer(String prefix) {
        return prefix + "projection-meta";
    }
}
