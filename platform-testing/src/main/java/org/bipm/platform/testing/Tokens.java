package org.bipm.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Set;

/** Bearer tokens for tests, signed with this test run's key. */
public final class Tokens {

    public static final String ISSUER = "https://bipm.org/liaison-platform";

    private Tokens() {
    }

    public static String forRole(String role) {
        return claims(role).sign(TestKeys.privateKey());
    }

    /** An RMO secretariat's token: may act for {@code rmo} only. */
    public static String rmoSecretariat(String rmo) {
        return claims("rmo-secretariat").claim("rmo", rmo).sign(TestKeys.privateKey());
    }

    /** A well-formed token from a key the services do not trust. */
    public static String forged(String role) throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return claims(role).sign(generator.generateKeyPair().getPrivate());
    }

    /** The public key that verifies these tokens, for services started outside Quarkus' test runner. */
    public static java.nio.file.Path publicKeyFile() {
        return TestKeys.publicKeyFile();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    private static JwtClaimsBuilder claims(String role) {
        return Jwt.issuer(ISSUER).upn("test-" + role).subject("test-" + role).groups(Set.of(role)).expiresIn(3600);
    }
}
