package org.mlc.ledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The public directory's pages may load images from the map's tile server, and from no other host. */
class MapTilesOriginTest {

    @Test
    void theTileServersOriginIsItsSchemeHostAndPortASubdomainLetterAnyOfItsSubdomains() {
        assertThat(SecurityConfiguration.origin("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://tile.openstreetmap.org");
        assertThat(SecurityConfiguration.origin("https://{s}.tile.example.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.example.org");
        assertThat(SecurityConfiguration.origin("http://tiles.local:8080/osm/{z}/{x}/{y}.png"))
                .isEqualTo("http://tiles.local:8080");
    }
}
