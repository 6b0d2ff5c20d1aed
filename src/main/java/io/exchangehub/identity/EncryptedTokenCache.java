package io.exchangehub.identity;

import com.microsoft.aad.msal4j.ITokenCacheAccessAspect;
import com.microsoft.aad.msal4j.ITokenCacheAccessContext;
import java.time.Duration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * One partition of msal4j's token cache in Redis, encrypted: msal4j loads it before it looks for a token
 * and saves it when it got a new one. A partition belongs to one user and one incoming token (msal4j finds
 * on-behalf-of tokens by the hash of the token they were exchanged for), or to the hub's app-only tokens,
 * so it stays small and expires by itself. Each application msal4j is given one of these for one call:
 * the partition is read once per call, however often msal4j opens the cache.
 */
final class EncryptedTokenCache implements ITokenCacheAccessAspect {

    private final StringRedisTemplate redis;
    private final TokenCipher cipher;
    private final String key;
    private final Duration timeToLive;
    private boolean loaded;

    EncryptedTokenCache(StringRedisTemplate redis, TokenCipher cipher, String key, Duration timeToLive) {
        this.redis = redis;
        this.cipher = cipher;
        this.key = key;
        this.timeToLive = timeToLive;
    }

    @Override
    public void beforeCacheAccess(ITokenCacheAccessContext context) {
        if (loaded) {
            return;
        }
        loaded = true;
        String stored = redis.opsForValue().get(key);
        String json = stored == null ? null : cipher.decrypt(stored, key);
        if (json != null) {
            context.tokenCache().deserialize(json);
        }
    }

    @Override
    public void afterCacheAccess(ITokenCacheAccessContext context) {
        if (context.hasCacheChanged()) {
            redis.opsForValue().set(key, cipher.encrypt(context.tokenCache().serialize(), key), timeToLive);
        }
    }
}
