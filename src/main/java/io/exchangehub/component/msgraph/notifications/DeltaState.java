package io.exchangehub.component.msgraph.notifications;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * What a delta scope (one mail folder's messages, or a calendar window) has reported so far: the
 * delta link to continue from and the version of every object it reported. The versions tell a
 * created object from an updated one (Graph's delta says neither), skip what was reported
 * already, and after Graph forgets the sync state (410) turn a fresh full sync into just the
 * changes. Kept deflated in the {@code StateStore}, shared by every hub instance.
 *
 * @param deltaLink the {@code @odata.deltaLink} of the last complete round
 * @param folderId  the mail folder's id (the scope may name it by a well-known name), null for the calendar
 * @param versions  object id → a digest of its version
 */
record DeltaState(String deltaLink, String folderId, Map<String, String> versions) {

    private static final ObjectMapper JSON = new ObjectMapper();

    DeltaState {
        versions = new LinkedHashMap<>(versions);
    }

    /** A short digest of an object's version (its change key, and what changes without it): the state holds thousands. */
    static String version(String version) {
        return version == null ? "" : Integer.toHexString(version.hashCode());
    }

    String encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new DeflaterOutputStream(bytes)) {
            JSON.writeValue(out, Map.of("link", deltaLink, "folder", folderId == null ? "" : folderId, "versions", versions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @SuppressWarnings("unchecked")
    static DeltaState decode(String text) {
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
            Map<String, Object> fields = JSON.readValue(in, Map.class);
            String folder = (String) fields.get("folder");
            return new DeltaState((String) fields.get("link"), folder == null || folder.isEmpty() ? null : folder,
                    (Map<String, String>) fields.get("versions"));
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            // an unreadable state is a state lost: the scope starts over with a silent baseline
            return null;
        }
    }
}
