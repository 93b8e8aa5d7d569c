package org.bipm.cbkt.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PersonKeyTest {

    private static byte[] secret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    @Test
    void seals_a_name_that_only_the_persons_key_opens() {
        PersonKey key = new PersonKey("p1", secret());
        String sealed = key.seal("name", "Marie Curie");
        assertThat(sealed).startsWith("v1:").doesNotContain("Marie").doesNotContain("Curie");
        assertThat(key.open("name", sealed)).isEqualTo("Marie Curie");
        assertThatThrownBy(() -> new PersonKey("p1", secret()).open("name", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sealing_is_repeatable_so_a_retried_request_is_the_same_command() {
        byte[] secret = secret();
        assertThat(new PersonKey("p1", secret).seal("email", "m.curie@example.org"))
                .isEqualTo(new PersonKey("p1", secret).seal("email", "m.curie@example.org"));
    }

    @Test
    void a_sealed_field_cannot_be_passed_off_as_another_field_or_person() {
        byte[] secret = secret();
        String name = new PersonKey("p1", secret).seal("name", "Marie Curie");
        assertThatThrownBy(() -> new PersonKey("p1", secret).open("email", name)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new PersonKey("p2", secret).open("name", name)).isInstanceOf(IllegalStateException.class);
    }
}
