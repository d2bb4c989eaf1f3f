package org.mlc.ledger.api.mail;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the system's e-mails from their French templates ({@code templates/mail/<name>.txt}: the
 * subject on the first line, a blank line, the body) and keeps each in {@code mail_outbox}. Sent
 * over SMTP when {@code MLC_SMTP_HOST} is set ({@link MailConfiguration}); without it the message
 * waits in the outbox for the administrator to read, so the one-command start needs no mail server.
 * A message is written once per {@code dedupeKey}: a retried request does not send it twice.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final JdbcTemplate jdbc;
    private final Optional<JavaMailSender> smtp;
    private final String from;
    private final Clock clock;
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    public Mailer(JdbcTemplate jdbc, Optional<JavaMailSender> smtp, @Value("${mlc.mail.from}") String from,
                  Clock clock) {
        this.jdbc = jdbc;
        this.smtp = smtp;
        this.from = from;
        this.clock = clock;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setSuffix(".txt");
        resolver.setTemplateMode(TemplateMode.TEXT);
        resolver.setCharacterEncoding("UTF-8");
        templates.setTemplateResolver(resolver);
    }

    /** Whether a message with this key was written already. */
    public boolean written(String dedupeKey) {
        return jdbc.queryForObject("SELECT count(*) FROM mail_outbox WHERE dedupe_key = ?", Long.class, dedupeKey) > 0;
    }

    /** Writes the message of {@code template} to {@code to} unless one with this key was; sends it if SMTP is set. */
    public void send(String dedupeKey, String to, String template, Map<String, Object> values) {
        String text = templates.process(template, new Context(java.util.Locale.FRENCH, values));
        int blank = text.indexOf("\n\n");
        String subject = text.substring(0, blank).strip();
        String body = text.substring(blank + 2);
        String status = smtp.isPresent() ? "SENT" : "OUTBOX";
        Long id = jdbc.query("INSERT INTO mail_outbox (dedupe_key, recipient, subject, body, status, created_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id",
                rs -> rs.next() ? rs.getLong(1) : null, dedupeKey, to, subject, body, status,
                Timestamp.from(clock.instant()));
        if (id == null) {
            return;
        }
        if (smtp.isPresent()) {
            try {
                SimpleMailMessage message = new SimpleMailMessage();
                message.setFrom(from);
                message.setTo(to);
                message.setSubject(subject);
                message.setText(body);
                smtp.get().send(message);
            } catch (RuntimeException e) {
                // kept in the outbox with the error: the administrator sees what did not leave
                log.warn("mail {} ({}) to {} not sent: {}", id, template, to, e.toString());
                jdbc.update("UPDATE mail_outbox SET status = 'FAILED', error = ? WHERE id = ?",
                        String.valueOf(e.getMessage()).substring(0, Math.min(500, String.valueOf(e.getMessage()).length())),
                        id);
                return;
            }
        }
        log.info("mail {} ({}) to {}: {}", id, template, to, status);
    }
}
