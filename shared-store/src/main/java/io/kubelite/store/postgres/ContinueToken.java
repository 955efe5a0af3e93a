package io.kubelite.store.postgres;

import io.kubelite.model.StatusException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a paged list goes on: the revision of its first page and the key of the last item returned.
 * Opaque to clients: base64 of {@code revision/namespace/name} ('/' cannot occur in either name).
 */
record ContinueToken(long revision, String namespace, String name) {

    String encode() {
        String plain = revision + "/" + namespace + "/" + name;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** Throws 400 BadRequest for anything this class did not encode. */
    static ContinueToken decode(String token) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = plain.split("/", -1);
            if (parts.length != 3 || parts[2].isEmpty()) {
                throw invalid();
            }
            return new ContinueToken(Long.parseLong(parts[0]), parts[1], parts[2]);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static StatusException invalid() {
        return StatusException.badRequest("invalid continue token");
    }
}
