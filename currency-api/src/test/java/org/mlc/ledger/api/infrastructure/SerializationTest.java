package org.mlc.ledger.api.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mlc.ledger.api.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

class SerializationTest extends IntegrationTest {

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    Serializer serializer;

    @Test
    void xstreamIsNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void eventsAndMessagesAreJson() {
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(serializer).isInstanceOf(JacksonSerializer.class);
        String payload = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domain_event_entry LIMIT 1",
                String.class).stream().findFirst().orElse("{}");
        assertThat(payload).startsWith("{");
    }
}
