package org.bipm.cbkt.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One person's data key: seals their name and e-mail (AES-256-GCM, bound to the person and the field)
 * and opens them again. Destroying the key is erasing the data: the ciphertext stays in events and
 * on the topic, unreadable.
 *
 * <p>Sealing is deterministic (the nonce is an HMAC of field and text, as in SIV modes), so a retried
 * request yields the same command and its Idempotency-Key replays the first answer; a nonce repeats only
 * with the same text, which reveals nothing more than the person reference already does.
 */
public final class PersonKey {

    static final int SECRET_BYTES = 32;
    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String personRef;
    private final SecretKeySpec encryption;
    private final SecretKeySpec nonces;

    PersonKey(String personRef, byte[] secret) {
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("a person key has " + SECRET_BYTES + " bytes");
        }
        this.personRef = personRef;
        this.encryption = new SecretKeySpec(derive(secret, "cbkt person data encryption"), "AES");
        this.nonces = new SecretKeySpec(derive(secret, "cbkt person data nonce"), "HmacSHA256");
    }

    public String personRef() {
        return personRef;
    }

    /** {@code v1:<base64url(nonce | ciphertext | tag)>}, or null for null. */
    public String seal(String field, String text) {
        if (text == null) {
            return null;
        }
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(nonces);
            mac.update((field + '\0').getBytes(StandardCharsets.UTF_8));
            byte[] nonce = Arrays.copyOf(mac.doFinal(plain), NONCE_BYTES);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, field, nonce);
            byte[] sealed = cipher.doFinal(plain);
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing personal data failed", e);
        }
    }

    /** The text sealed by {@link #seal} for this person and field. */
    public String open(String field, String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not sealed personal data");
        }
        byte[] in = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, field, Arrays.copyOf(in, NONCE_BYTES));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data of " + personRef + " cannot be opened with its key", e);
        }
    }

    private Cipher cipher(int mode, String field, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, encryption, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD((personRef + '/' + field).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** A sub-key for one purpose (HMAC-SHA256 of the purpose under the secret). */
    static byte[] derive(byte[] secret, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
