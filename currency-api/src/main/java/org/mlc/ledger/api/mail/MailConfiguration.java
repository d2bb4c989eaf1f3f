package org.mlc.ledger.api.mail;

import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The SMTP server, when {@code MLC_SMTP_HOST} names one ({@code MLC_SMTP_PORT}, {@code _USERNAME},
 * {@code _PASSWORD}); STARTTLS is used when the server offers it and a user name is given.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    @Bean
    @ConditionalOnExpression("!'${mlc.smtp.host:}'.isBlank()")
    public JavaMailSender smtp(@Value("${mlc.smtp.host}") String host, @Value("${mlc.smtp.port:587}") int port,
                               @Value("${mlc.smtp.username:}") String username,
                               @Value("${mlc.smtp.password:}") String password) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host);
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.writetimeout", "10000");
        if (!username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
            properties.put("mail.smtp.auth", "true");
            properties.put("mail.smtp.starttls.enable", "true");
        }
        return sender;
    }
}
