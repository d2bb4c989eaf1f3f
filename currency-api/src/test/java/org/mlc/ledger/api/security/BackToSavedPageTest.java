package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The path followed after signing in is one of this site's, whatever the saved request holds. */
class BackToSavedPageTest {

    @Test
    void aPathOfThisSiteIsKeptWithItsQuery() {
        assertThat(BackToSavedPage.sameSitePath("/pay", "", "to=a&amount=12.50")).isEqualTo("/pay?to=a&amount=12.50");
        assertThat(BackToSavedPage.sameSitePath("/ledger/pay", "/ledger", null)).isEqualTo("/pay");
    }

    @Test
    void aPathABrowserWouldReadAsAnotherSiteIsRefused() {
        assertThat(BackToSavedPage.sameSitePath("//evil.example/pay", "", null)).isNull();
        assertThat(BackToSavedPage.sameSitePath("/\\evil.example", "", null)).isNull();
        assertThat(BackToSavedPage.sameSitePath("/a\\b", "", null)).isNull();
        assertThat(BackToSavedPage.sameSitePath("https://evil.example/pay", "", null)).isNull();
        assertThat(BackToSavedPage.sameSitePath("evil.example", "", null)).isNull();
        assertThat(BackToSavedPage.sameSitePath("/pay", "", "a=1\r\nLocation: https://evil.example")).isNull();
        assertThat(BackToSavedPage.sameSitePath("/other/pay", "/ledger", null)).isNull();
        assertThat(BackToSavedPage.sameSitePath(null, "", null)).isNull();
    }
}
