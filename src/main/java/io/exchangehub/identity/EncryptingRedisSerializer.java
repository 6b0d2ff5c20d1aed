package io.exchangehub.identity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.data.redis.serializer.JdkSerializationRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.data.redis.serializer.SerializationException;

/**
 * Spring Session's serializer for the browser sessions in Redis, encrypted: a session holds the user's
 * tokens (the sign-in's access, refresh and ID tokens), which must not lie in Redis readable. Values are
 * Java-serialized as Spring Session does by default, then sealed with the token cipher.
 */
final class EncryptingRedisSerializer implements RedisSerializer<Object> {

    private static final String ASSOCIATED_DATA = "spring-session";

    private final JdkSerializationRedisSerializer java = new JdkSerializationRedisSerializer();
    private final TokenCipher cipher;

    EncryptingRedisSerializer(TokenCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public byte[] serialize(Object value) {
        if (value == null) {
            return new byte[0];
        }
        String plain = Base64.getEncoder().encodeToString(java.serialize(value));
        return cipher.encrypt(plain, ASSOCIATED_DATA).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Object deserialize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        String plain = cipher.decrypt(new String(bytes, StandardCharsets.US_ASCII), ASSOCIATED_DATA);
        if (plain == null) {
            throw new SerializationException("A session value could not be decrypted (altered, or its key was retired)");
        }
        return java.deserialize(Base64.getDecoder().decode(plain));
    }
}
