package org.bipm.wmd.domain;

import org.bipm.platform.kernel.domain.Rmo;

/** Who makes the poster: an institute (with its country), an RMO under whose auspices it is made, or both. */
public record PosterPartner(String institute, String countryCode, Rmo rmo) {
}
