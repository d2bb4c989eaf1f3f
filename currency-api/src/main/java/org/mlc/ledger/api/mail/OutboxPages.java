package org.mlc.ledger.api.mail;

import org.mlc.ledger.api.security.Allowed;
import org.mlc.ledger.api.security.Platform;
import org.mlc.ledger.api.security.Role;
import org.mlc.ledger.api.ui.PageController;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The e-mails the system wrote, for the administrator (the only copy when no SMTP server is set). */
@PageController
public class OutboxPages {

    private final OutboxController outbox;

    public OutboxPages(OutboxController outbox) {
        this.outbox = outbox;
    }

    @Allowed(Role.ADMIN)
    @Platform
    @GetMapping("/association/outbox")
    public String outbox(Model model) {
        model.addAttribute("messages", outbox.messages(null).messages());
        return "mail/outbox";
    }
}
