package org.bipm.cbkt.domain;

import java.math.BigDecimal;
import org.bipm.platform.kernel.domain.Rejection;

/** The registration fee of an activity; an amount of 0 means "no fee" (the currency is then not needed). */
public record Fee(BigDecimal amount, String currency) {

    public static final Fee NONE = new Fee(BigDecimal.ZERO, null);

    public Fee {
        if (amount == null || amount.signum() < 0) {
            throw Rejection.invalid("fee-invalid", "a fee is an amount of 0 or more");
        }
        if (amount.signum() > 0 && (currency == null || !currency.matches("[A-Z]{3}"))) {
            throw Rejection.invalid("fee-invalid", "a fee above 0 needs an ISO 4217 currency code, e.g. EUR");
        }
    }
}
