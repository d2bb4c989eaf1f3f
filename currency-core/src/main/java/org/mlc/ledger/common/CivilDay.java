package org.mlc.ledger.common;

import java.time.ZoneId;

/**
 * Where the association counts its days: a bonus budget's period, a member's monthly cap, a
 * membership's last day and an earmarked lot's expiry all end at midnight there, whatever the
 * server's zone.
 */
public final class CivilDay {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private CivilDay() {
    }
}
