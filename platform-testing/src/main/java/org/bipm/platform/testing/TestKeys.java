package org.bipm.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * An RSA key pair for the tests of one module, kept under {@code target/test-jwt} so the test
 * resource (which configures the service with the public key) and {@link Tokens} (which signs with
 * the private key) agree whatever class loader they run in. Never committed: target/ is ignored.
 */
final class TestKeys {

    private static final Path DIR = Path.of("target", "test-jwt").toAbsolutePath();

    private TestKeys() {
    }

    static synchronized Path publicKeyFile() {
        ensure();
        return DIR.resolve("publicKey.pem");
    }

    static synchronized PrivateKey privateKey() {
        ensure();
        try {
            String pem = Files.readString(DIR.resolve("privateKey.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ensure() {
        if (Files.exists(DIR.resolve("privateKey.pem")) && Files.exists(DIR.resolve("publicKey.pem"))) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve("privateKey.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(DIR.resolve("publicKey.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String kind, byte[] der) {
        return "-----BEGIN " + kind + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + kind + "-----\n";
    }
}
