package com.tradingcontrol.api.requestid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {
    @Test
    void acceptsAllowedCharsetUpToMaxLength() {
        assertThat(RequestIds.acceptOrGenerate("A-z_0.9:x", 16)).isEqualTo("A-z_0.9:x");
        assertThat(RequestIds.acceptOrGenerate("x".repeat(16), 16)).isEqualTo("x".repeat(16));
    }

    @Test
    void replacesMissingTooLongOrUnsafeIds() {
        for (String bad : new String[] {null, "", "x".repeat(17), "a b", "a\nb", "a/b", "ünïcode"}) {
            String id = RequestIds.acceptOrGenerate(bad, 16);
            assertThat(id).isNotEqualTo(bad).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }
}
