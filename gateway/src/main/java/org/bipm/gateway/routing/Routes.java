package org.bipm.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Where each public API prefix is served, and how patient the gateway is with it. */
@ConfigMapping(prefix = "gateway.routes")
public interface Routes {

    /** Base URL per API prefix: {@code membership}, {@code liaison}, {@code cbkt}, {@code wmd}. */
    Map<String, String> services();

    @WithDefault("1s")
    Duration connectTimeout();

    @WithDefault("10s")
    Duration requestTimeout();

    /** Consecutive failures after which a service's circuit opens. */
    @WithDefault("5")
    int failureThreshold();

    /** How long an open circuit answers 503 at once before letting one request try again. */
    @WithDefault("10s")
    Duration openFor();
}
