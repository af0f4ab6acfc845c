package com.tradingcontrol.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tradingcontrol.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class ContinuationSealTest {
    private final ContinuationSeal seal = ContinuationSeal.of("a test key of this seal");

    @Test
    void aSealedTokenOpensWithTheSameFiltersOnly() {
        String sealed = seal.seal("store-token-1", "actor=alice");

        assertThat(seal.open(sealed, "actor=alice")).isEqualTo("store-token-1");
        assertThatThrownBy(() -> seal.open(sealed, "actor=bob")).isInstanceOf(ApiException.class);
    }

    /**
     * A 32-byte MAC is 43 base64url characters whose last carries two unused bits: changing only
     * those bits ('A' → 'B', 'E' → 'F', …) decodes to the same bytes. Every such variant of every
     * token must be refused (a test that flipped the last character passed or failed by chance).
     */
    @Test
    void everyAlteredCharacterIsRefusedIncludingUnusedBits() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 64; i++) {
            String sealed = seal.seal("store-token-" + i, "");
            int last = sealed.length() - 1;
            for (char c : alphabet.toCharArray()) {
                if (c == sealed.charAt(last)) {
                    continue;
                }
                String altered = sealed.substring(0, last) + c;
                assertThatThrownBy(() -> seal.open(altered, "")).as(altered).isInstanceOf(ApiException.class);
            }
        }
    }
}
