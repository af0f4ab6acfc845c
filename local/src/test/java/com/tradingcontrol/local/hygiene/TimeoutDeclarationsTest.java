package com.tradingcontrol.local.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The enforcement must tell a bounded test class from an unbounded one, or it guards nothing. */
class TimeoutDeclarationsTest {

    @Test
    void aClassLevelTimeoutBoundsEverything() {
        assertThat(bounds("""
                import org.junit.jupiter.api.Timeout;
                /** Docs. */
                @Timeout(60) // seconds
                class FooIT extends Base {
                }
                """)).isTrue();
    }

    @Test
    void aTimeoutOnEveryTestMethodAlsoDoes() {
        assertThat(bounds("""
                class FooIT {
                    @Test
                    @Timeout(5)
                    void a() {
                    }
                    @Timeout(5) @ParameterizedTest @ValueSource(strings = {"x", "y"})
                    void b(String s) {
                    }
                }
                """)).isTrue();
    }

    @Test
    void oneTestMethodWithoutATimeoutIsUnbounded() {
        assertThat(bounds("""
                class FooIT {
                    @Test
                    @Timeout(5)
                    void a() {
                    }
                    @ParameterizedTest @ValueSource(strings = {"x", "y"})
                    void b(String s) {
                    }
                }
                """)).isFalse();
    }

    @Test
    void aTimeoutInACommentOrOnAnotherClassDoesNotCount() {
        assertThat(bounds("""
                /** Bounded by {@code @Timeout}? No. */
                // @Timeout(60)
                class FooIT {
                    @Test
                    void a() {
                    }
                }
                """)).isFalse();
        assertThat(bounds("""
                @Timeout(60)
                class Other {
                }
                class FooIT {
                    @Test
                    void a() {
                    }
                }
                """)).isFalse();
    }

    @Test
    void aClassWithNoOwnTestMethodsNeedsItOnTheClass() {
        assertThat(bounds("class FooIT extends Contract {\n}\n")).isFalse();
    }

    private static boolean bounds(String source) {
        return TimeoutDeclarations.boundsEveryTest(TestSources.stripComments(source), "FooIT");
    }
}
