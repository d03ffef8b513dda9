package flight.hal.console.internal;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Map;

import org.apache.felix.webconsole.servlet.AbstractServlet;
import org.apache.felix.webconsole.servlet.ServletConstants;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What the three HAL pages share: the console frames {@link #renderContent} (a message, the live content and the
 * script that refreshes it); {@code ?fragment=1} answers the live content alone, unframed, for that script; a POST
 * runs an action and redirects back to the page with its outcome as the message (post, redirect, get).
 */
abstract class HalPage extends AbstractServlet {
    private static final long serialVersionUID = 1L;
    static final String FRAGMENT_PARAMETER = "fragment";
    static final String MESSAGE_PARAMETER = "message";
    /** How often the script asks for the live content, in milliseconds. */
    static final int REFRESH_MILLIS = 1000;

    private final String label;

    HalPage(String label) {
        this.label = label;
    }

    /** The live content: what the page shows of the HAL now. */
    abstract String fragment();

    /** Runs the action a form posted; returns the message to show. Pages without actions keep this one. */
    String act(Map<String, String[]> form) {
        return "this page has no actions";
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter(FRAGMENT_PARAMETER) == null) {
            return; // the console frames the page and calls renderContent
        }
        setNoCache(response);
        response.setContentType("text/html;charset=UTF-8");
        response.setStatus(HttpServletResponse.SC_OK);
        response.getWriter().write(fragment());
    }

    @Override
    public void renderContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        out.write(page(request.getParameter(MESSAGE_PARAMETER), pluginRoot(request), fragment()));
    }

    /** The framed page: styles, the message, the live content in its box, the refreshing script. */
    static String page(String message, String pluginRoot, String fragment) {
        StringBuilder html = new StringBuilder(PageStyle.STYLE);
        if (message != null && !message.isBlank()) {
            html.append("<p class=\"hal-message\">").append(Html.escape(message)).append("</p>");
        }
        html.append("<div id=\"hal-live\" data-fragment=\"").append(Html.escape(pluginRoot)).append("?")
                .append(FRAGMENT_PARAMETER).append("=1\">").append(fragment).append("</div>");
        html.append(PageStyle.SCRIPT.replace("REFRESH_MILLIS", Integer.toString(REFRESH_MILLIS)));
        return html.toString();
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String root = pluginRoot(request);
        String message;
        if (crossSite(request)) {
            message = "refused: the form was not posted from this console";
        } else {
            message = act(request.getParameterMap());
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", root + "?" + MESSAGE_PARAMETER + "=" + Html.urlParameter(message));
    }

    /** The page's own path, as the console gives it (e.g. {@code /system/console/hal-drivers}). */
    private String pluginRoot(HttpServletRequest request) {
        Object root = request.getAttribute(ServletConstants.ATTR_PLUGIN_ROOT);
        if (root != null) {
            return root.toString();
        }
        return request.getContextPath() + request.getServletPath() + "/" + label;
    }

    /**
     * A browser names where a form came from in {@code Origin}; one from another site is refused, so that a page
     * elsewhere cannot make a logged-in operator's browser pin drivers. Clients that send no {@code Origin} (curl,
     * tests) are not browsers acting for another site.
     */
    static boolean crossSite(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String host = request.getHeader("Host");
            String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return host == null || !host.equalsIgnoreCase(originHost);
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    /** The first value of a form field, trimmed; "" when absent. */
    static String field(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        return values == null || values.length == 0 || values[0] == null ? "" : values[0].trim();
    }
}
