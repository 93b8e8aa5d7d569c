package org.bipm.liaison.domain;

/** What binds the BIPM and a partner organization. */
public enum LiaisonKind {
    AGREEMENT,
    MEMORANDUM_OF_UNDERSTANDING,
    /** A status in the partner's bodies, e.g. ISO Liaison A with technical committees. */
    LIAISON_STATUS,
    /** The BIPM admitted as an observer organization, e.g. to the UNFCCC or the IPCC. */
    OBSERVER_STATUS,
    /** A declaration or statement with several signatories. */
    JOINT_DECLARATION,
    /** An international organization taking part in the CIPM MRA at the CIPM's invitation. */
    CIPM_MRA_PARTICIPATION,
    /** A recognition granted by the partner's governing body, e.g. a UNESCO International Day. */
    RECOGNITION
}
