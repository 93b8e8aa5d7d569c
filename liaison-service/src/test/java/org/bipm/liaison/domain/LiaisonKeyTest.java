package org.bipm.liaison.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LiaisonKeyTest {

    @Test
    void makes_a_readable_id_from_partner_kind_and_subject() {
        LiaisonKey key = LiaisonKey.of("ISO", LiaisonKind.LIAISON_STATUS, "Liaison A with ISO committees");
        assertThat(key.liaisonId(1)).isEqualTo("ISO-LIAISON_STATUS-liaison-a-with-iso-committees");
        assertThat(key.liaisonId(2)).isEqualTo("ISO-LIAISON_STATUS-liaison-a-with-iso-committees--2");
    }

    @Test
    void subjects_differing_only_in_case_accents_or_punctuation_are_the_same_liaison() {
        assertThat(LiaisonKey.of("UNECE", LiaisonKind.LIAISON_STATUS, "Régulation: WP.6"))
                .isEqualTo(LiaisonKey.of("UNECE", LiaisonKind.LIAISON_STATUS, "regulation wp 6"));
    }

    @Test
    void keeps_long_ids_readable_by_cutting_the_subject_at_a_word() {
        String id = LiaisonKey.of("ISO", LiaisonKind.JOINT_DECLARATION,
                "Joint Statement of Intent on the digital transformation in the international scientific and quality infrastructure")
                .liaisonId(1);
        assertThat(id).isEqualTo("ISO-JOINT_DECLARATION-joint-statement-of-intent-on-the-digital-transformation-in");
    }
}
