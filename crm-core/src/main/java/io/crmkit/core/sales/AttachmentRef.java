package io.crmkit.core.sales;

import io.crmkit.core.error.ErrorCode;
import io.crmkit.core.error.ValidationException;
import io.crmkit.core.internal.Checks;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * A reference to a file the host stores (a scanned contract, a signed PDF). The library never holds
 * file contents, only where the host keeps them.
 *
 * @param uri where the host stores the file, a URI of at most 2048 characters
 * @param fileName the file's name as shown to users, 1 to 255 characters
 * @param mediaType the file's media type such as {@code application/pdf}, or {@code null}; at most 127 characters
 */
public record AttachmentRef(String uri, String fileName, String mediaType) {
    /** Longest URI. */
    public static final int MAX_URI = 2048;

    /** Longest file name. */
    public static final int MAX_FILE_NAME = 255;

    /** Longest media type. */
    public static final int MAX_MEDIA_TYPE = 127;

    /**
     * Validates the parts.
     *
     * @throws ValidationException with {@link ErrorCode#FIELD_INVALID} for a malformed URI, or for
     *     missing or overlong parts
     */
    public AttachmentRef {
        uri = Checks.text("uri", uri, MAX_URI);
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            throw ValidationException.of("uri", ErrorCode.FIELD_INVALID, "not a URI: " + e.getReason());
        }
        fileName = Checks.text("fileName", fileName, MAX_FILE_NAME);
        mediaType = Checks.optionalText("mediaType", mediaType, MAX_MEDIA_TYPE);
    }
}
