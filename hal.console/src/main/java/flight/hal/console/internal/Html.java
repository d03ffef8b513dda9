package flight.hal.console.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for text and attribute values of the pages; every value a page shows goes through it. */
final class Html {
    private Html() {
    }

    /** {@code value} safe as element text and as a quoted attribute value; "" for null. */
    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** {@code value} as a URL query parameter value. */
    static String urlParameter(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
