package org.mlc.ledger.api.mail;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Platform;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.web.RequestValues;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The e-mails the system wrote, for the administrator: the only copy when no SMTP server is set. */
@RestController
public class OutboxController {

    public static final int MAX_MESSAGES = 200;

    private final OutboxQueries outbox;

    public OutboxController(OutboxQueries outbox) {
        this.outbox = outbox;
    }

    public record Outbox(List<OutboxQueries.Message> messages) {
    }

    @Allowed(Role.ADMIN)
    @Platform
    @Operation(summary = "The e-mails written (sent, failed, or waiting in the outbox)")
    @GetMapping("/api/v1/outbox")
    public Outbox messages(@RequestParam(value = "recipient", required = false) String recipient) {
        return new Outbox(outbox.latest(RequestValues.optionalText(recipient, "recipient"), MAX_MESSAGES));
    }
}
