package io.exchangehub.sandbox.ews;

import io.exchangehub.sandbox.store.Body;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an answer includes of each item or folder ({@code ItemShape}, {@code FolderShape}): a base
 * shape, additional properties by FieldURI (indexed ones as {@code uri#index}), the body type,
 * and whether to add the MIME content.
 *
 * @param base        IdOnly, Default or AllProperties
 * @param additional  FieldURIs asked for in addition
 * @param bodyType    the body type to answer with; null for Best (the item's own)
 * @param includeMime whether items carry their MimeContent
 */
record Shape(Base base, Set<String> additional, Body.BodyType bodyType, boolean includeMime) {

    enum Base { ID_ONLY, DEFAULT, ALL }

    /** The prefix of {@link #additional} entries that are extended properties by tag. */
    static final String EXTENDED_TAG = "ExtendedFieldURI:";

    static final Shape ID_ONLY = new Shape(Base.ID_ONLY, Set.of(), null, false);

    /** Reads an {@code m:ItemShape}, {@code m:FolderShape} or {@code m:AttachmentShape} element; null gives IdOnly. */
    static Shape parse(XmlIn element) {
        if (element == null) {
            return ID_ONLY;
        }
        XmlIn baseElement = element.child("BaseShape");
        Base base = Base.ALL;
        if (baseElement != null) {
            base = switch (baseElement.token()) {
                case "IdOnly" -> Base.ID_ONLY;
                case "Default" -> Base.DEFAULT;
                case "AllProperties" -> Base.ALL;
                default -> throw SoapFault.invalidValue(baseElement, "BaseShape", baseElement.token(),
                        "http://schemas.microsoft.com/exchange/services/2006/types:DefaultShapeNamesType");
            };
        } else if (!element.name().equals("AttachmentShape")) {
            throw SoapFault.schema(element, "The element '" + element.name()
                    + "' has incomplete content. List of possible elements expected: 'BaseShape'.");
        }
        Set<String> additional = new LinkedHashSet<>();
        XmlIn properties = element.child("AdditionalProperties");
        if (properties != null) {
            for (XmlIn path : properties.children()) {
                String uri = path.name().equals("ExtendedFieldURI") ? extendedTag(path) : path.attr("FieldURI");
                if (uri == null) {
                    continue;
                }
                additional.add(path.name().equals("IndexedFieldURI") ? uri + "#" + path.attr("FieldIndex", "") : uri);
            }
        }
        Body.BodyType bodyType = null;
        XmlIn bodyTypeElement = element.child("BodyType");
        if (bodyTypeElement != null) {
            bodyType = switch (bodyTypeElement.token()) {
                case "Best" -> null;
                case "HTML" -> Body.BodyType.HTML;
                case "Text" -> Body.BodyType.TEXT;
                default -> throw SoapFault.invalidValue(bodyTypeElement, "BodyType", bodyTypeElement.token(),
                        "http://schemas.microsoft.com/exchange/services/2006/types:BodyTypeResponseType");
            };
        }
        boolean mime = Xsd.bool(element.child("IncludeMimeContent"), false);
        return new Shape(base, Set.copyOf(additional), bodyType, mime);
    }

    /**
     * An extended property asked for by its MAPI tag, as {@code ExtendedFieldURI:0x10f4} (lower-case
     * hex); null for one named by a property set, which the sandbox does not serve.
     */
    private static String extendedTag(XmlIn path) {
        String tag = path.attr("PropertyTag");
        if (tag == null || path.attr("PropertySetId") != null || path.attr("DistinguishedPropertySetId") != null) {
            return null;
        }
        String text = tag.strip().toLowerCase(java.util.Locale.ROOT);
        try {
            int value = text.startsWith("0x") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
            return EXTENDED_TAG + String.format("0x%04x", value);
        } catch (NumberFormatException e) {
            throw SoapFault.invalidValue(path, "PropertyTag", tag, "http://schemas.microsoft.com/exchange/services/2006/types:PropertyTagType");
        }
    }

    /** Whether the additional properties name a FieldURI, or any index of an indexed one. */
    boolean asks(String fieldUri) {
        if (additional.contains(fieldUri)) {
            return true;
        }
        for (String uri : additional) {
            if (uri.startsWith(fieldUri + "#") || uri.startsWith(fieldUri + ":")) {
                return true;
            }
        }
        return false;
    }
}
