package org.bipm.cbkt.domain;

/** Why an application that asked for funding is accepted without it. */
public enum FundingRefusal {
    RMO_FUNDED_SEATS_FULL("every funded seat for the nominating RMO is taken"),
    COUNTRY_NOT_ELIGIBLE("the participant's country was not a Member State or Associate on the application date");

    private final String description;

    FundingRefusal(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
