package io.exchangehub.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM encryption of what the hub keeps in Redis that would let someone act as a user: token caches,
 * mailbox grants, browser sessions. Every value names the key it was encrypted with
 * ({@code v1.<key id>.<nonce and ciphertext>}), so keys rotate: new values use the current key, older
 * ones stay readable while their key is listed among the previous keys. The associated data binds a
 * value to where it is stored (its Redis key), so a value copied under another user's key does not decrypt.
 */
final class TokenCipher {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param current  the current key as {@code <key id>:<base64 key>}
     * @param previous older keys in the same form
     */
    TokenCipher(String current, List<String> previous) {
        this.currentId = add(current);
        previous.forEach(this::add);
    }

    /** A cipher with a fresh random key that lives as long as the process: sandbox mode only. */
    static TokenCipher generated() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new TokenCipher("sandbox-" + Long.toHexString(System.nanoTime()) + ":" + Base64.getEncoder().encodeToString(key), List.of());
    }

    private String add(String spec) {
        int colon = spec == null ? -1 : spec.indexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("A token cache key has the form <key id>:<base64 AES key>");
        }
        String id = spec.substring(0, colon).strip();
        if (!id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("A token cache key id may hold only letters, digits, '-' and '_'");
        }
        byte[] key = Base64.getDecoder().decode(spec.substring(colon + 1).strip());
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("A token cache key must be 128, 192 or 256 bits, not " + key.length * 8);
        }
        keys.put(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    String currentKeyId() {
        return currentId;
    }

    String encrypt(String plaintext, String associatedData) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] value = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, value, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, value, NONCE_BYTES, sealed.length);
            return VERSION + "." + currentId + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @return the plaintext, or null when the value is not one of ours, its key is no longer listed, or it
     *         was altered or moved: the caller treats it as absent
     */
    String decrypt(String value, String associatedData) {
        String[] parts = value == null ? new String[0] : value.split("\\.", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !keys.containsKey(parts[1])) {
            return null;
        }
        try {
            byte[] sealed = Base64.getUrlDecoder().decode(parts[2]);
            if (sealed.length <= NONCE_BYTES) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, keys.get(parts[1]), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Never the keys. */
    @Override
    public String toString() {
        return "TokenCipher[current=" + currentId + ", keys=" + keys.keySet() + "]";
    }
}
