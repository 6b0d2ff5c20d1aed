package io.exchangehub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    private static final String K1 = "k1:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String K2 = "k2:" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void aValueDecryptsOnlyUnderTheKeyItWasStoredAt() {
        TokenCipher cipher = new TokenCipher(K1, List.of());
        String sealed = cipher.encrypt("{\"secret\":\"eyJ0eXAi\"}", "hub:identity:token-cache:alice");
        assertThat(sealed).startsWith("v1.k1.").doesNotContain("eyJ0eXAi").doesNotContain("secret");
        assertThat(cipher.decrypt(sealed, "hub:identity:token-cache:alice")).isEqualTo("{\"secret\":\"eyJ0eXAi\"}");
        assertThat(cipher.decrypt(sealed, "hub:identity:token-cache:bob")).isNull();
    }

    @Test
    void twoEncryptionsOfTheSameValueDiffer() {
        TokenCipher cipher = new TokenCipher(K1, List.of());
        assertThat(cipher.encrypt("same", "k")).isNotEqualTo(cipher.encrypt("same", "k"));
    }

    @Test
    void keysRotateNewValuesUseTheCurrentKeyOldOnesStayReadable() {
        String old = new TokenCipher(K1, List.of()).encrypt("before", "k");
        TokenCipher rotated = new TokenCipher(K2, List.of(K1));
        assertThat(rotated.decrypt(old, "k")).isEqualTo("before");
        assertThat(rotated.encrypt("after", "k")).startsWith("v1.k2.");
        assertThat(new TokenCipher(K2, List.of()).decrypt(old, "k")).as("a retired key").isNull();
    }

    @Test
    void anAlteredValueIsTreatedAsAbsent() {
        TokenCipher cipher = new TokenCipher(K1, List.of());
        String sealed = cipher.encrypt("value", "k");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThat(cipher.decrypt(altered, "k")).isNull();
        assertThat(cipher.decrypt("plain text", "k")).isNull();
        assertThat(cipher.decrypt("v1.k1.", "k")).isNull();
    }

    @Test
    void keysOfTheWrongShapeAreRefusedAtStart() {
        assertThatThrownBy(() -> new TokenCipher("no-id", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenCipher("k1:" + Base64.getEncoder().encodeToString(new byte[10]), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenCipher("k.1:" + Base64.getEncoder().encodeToString(new byte[32]), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
