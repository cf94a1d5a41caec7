package io.drover.master.state.storage;

import io.drover.master.persistence.UnreadableStateException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stored records as JSON bytes. A record whose {@code version} is newer than this Drover knows, or that is
 * not a record at all, makes the whole state unreadable: the master refuses to start rather than drop it.
 * Unknown fields are ignored, so a later version may add optional ones within the same format version.
 */
final class RecordCodec {

    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    byte[] encode(StoredRecord record) {
        return json.writeValueAsBytes(record);
    }

    <T extends StoredRecord> T decode(String key, byte[] bytes, Class<T> type, String where) {
        // One pass straight into the record: a take-over decodes tens of thousands of them, and a tree first
        // doubled the time. Only a record that fails here is read again as a tree, to say what is wrong.
        try {
            T record = json.readValue(bytes, type);
            if (record != null && record.version() >= 1 && record.version() <= StoredRecord.CURRENT_VERSION) {
                return record;
            }
        } catch (JacksonException e) {
            // explained below
        }
        return explain(key, bytes, type, where);
    }

    /** Decodes a record that did not read as it should, through its tree, failing with the reason. */
    private <T extends StoredRecord> T explain(String key, byte[] bytes, Class<T> type, String where) {
        JsonNode tree;
        try {
            tree = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new UnreadableStateException("The record " + key + " in " + where + " is not valid JSON: "
                    + e.getOriginalMessage(), e);
        }
        JsonNode version = tree == null ? null : tree.get("version");
        if (version == null || !version.isIntegralNumber() || version.asInt() < 1) {
            throw new UnreadableStateException("The record " + key + " in " + where + " has no format version");
        }
        if (version.asInt() > StoredRecord.CURRENT_VERSION) {
            throw new UnreadableStateException("The record " + key + " in " + where + " was written in format "
                    + version.asInt() + " by a newer Drover; this one reads up to format "
                    + StoredRecord.CURRENT_VERSION);
        }
        try {
            return json.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new UnreadableStateException("The record " + key + " in " + where + " cannot be read: "
                    + e.getOriginalMessage(), e);
        }
    }
}
