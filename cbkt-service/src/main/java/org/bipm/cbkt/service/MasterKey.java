package org.bipm.cbkt.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.bipm.cbkt.config.CbktConfig;
import org.bipm.platform.kernel.eventstore.EventStoreFailure;
import org.jboss.logging.Logger;

/**
 * The service's master key (CBKT_MASTER_KEY): it wraps each person's data key before the key is
 * stored, so a copy of the database alone reveals no personal data, and it keys the e-mail index
 * that finds a person's key again. Without CBKT_MASTER_KEY a key is generated at the first start
 * and kept in the database (table local_master_key): fine for local runs and tests, not for production.
 */
@ApplicationScoped
public class MasterKey {

    private static final Logger LOG = Logger.getLogger(MasterKey.class);
    private static final int NONCE_BYTES = 12;

    private final CbktConfig config;
    private final DataSource dataSource;
    private final SecureRandom random = new SecureRandom();
    private volatile Keys keys;

    private record Keys(SecretKeySpec wrapping, SecretKeySpec emailIndex) {
    }

    public MasterKey(CbktConfig config, DataSource dataSource) {
        this.config = config;
        this.dataSource = dataSource;
    }

    byte[] wrap(String personRef, byte[] secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            byte[] wrapped = cipher(Cipher.ENCRYPT_MODE, personRef, nonce).doFinal(secret);
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + wrapped.length);
            System.arraycopy(wrapped, 0, out, NONCE_BYTES, wrapped.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a person key failed", e);
        }
    }

    byte[] unwrap(String personRef, byte[] wrapped) {
        try {
            return cipher(Cipher.DECRYPT_MODE, personRef, Arrays.copyOf(wrapped, NONCE_BYTES))
                    .doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the key of person " + personRef + " cannot be unwrapped: is CBKT_MASTER_KEY the one it was wrapped with?", e);
        }
    }

    /** A keyed hash of the e-mail address (case and surrounding blanks ignored): it finds the person without storing the address. */
    byte[] emailIndex(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys().emailIndex());
            return mac.doFinal(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Cipher cipher(int mode, String personRef, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, keys().wrapping(), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(personRef.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private Keys keys() {
        Keys current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    byte[] master = config.masterKey().filter(k -> !k.isBlank()).map(MasterKey::decode).orElseGet(this::localKey);
                    keys = new Keys(new SecretKeySpec(PersonKey.derive(master, "cbkt person key wrapping"), "AES"),
                            new SecretKeySpec(PersonKey.derive(master, "cbkt e-mail index"), "HmacSHA256"));
                }
                current = keys;
            }
        }
        return current;
    }

    private static byte[] decode(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("CBKT_MASTER_KEY is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("CBKT_MASTER_KEY must be 32 bytes (base64 of 32 random bytes)");
        }
        return key;
    }

    /** The generated key of this database, made by whichever replica starts first. */
    private byte[] localKey() {
        LOG.warn("CBKT_MASTER_KEY is not set: person keys are wrapped with a key kept in the database (local use only)");
        byte[] candidate = new byte[32];
        random.nextBytes(candidate);
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into local_master_key (id, key) values (1, ?) on conflict (id) do nothing")) {
                    insert.setBytes(1, candidate);
                    insert.executeUpdate();
                }
                try (PreparedStatement select = connection.prepareStatement("select key from local_master_key where id = 1");
                     ResultSet rows = select.executeQuery()) {
                    rows.next();
                    return rows.getBytes(1);
                }
            } catch (SQLException e) {
                throw new EventStoreFailure("reading the local master key failed", e);
            }
        });
    }
}
