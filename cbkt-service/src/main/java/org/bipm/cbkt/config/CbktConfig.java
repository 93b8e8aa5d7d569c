package org.bipm.cbkt.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of the cbkt-service (environment variables CBKT_MASTER_KEY, CBKT_TIME_ZONE). */
@ConfigMapping(prefix = "cbkt")
public interface CbktConfig {

    /**
     * Base64 of 32 random bytes: the key that wraps every person's data key and keys the e-mail index.
     * Unset, a key generated at the first start is kept in the database: for local runs and tests only,
     * since whoever reads the database could then unwrap the person keys.
     */
    Optional<String> masterKey();

    /** The time zone in which "today" is told (application dates against deadlines): the BIPM's. */
    @WithDefault("Europe/Paris")
    String timeZone();
}
