package org.bipm.cbkt.domain;

/** How an activity is attended. */
public enum Delivery {
    IN_PERSON, ONLINE, HYBRID
}
