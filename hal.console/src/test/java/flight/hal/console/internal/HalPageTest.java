package flight.hal.console.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.http.HttpServletRequest;

class HalPageTest {
    private static HttpServletRequest request(String origin, String host) {
        Map<String, String> headers = new java.util.HashMap<>();
        if (origin != null) {
            headers.put("Origin", origin);
        }
        headers.put("Host", host);
        return Stubs.stub(HttpServletRequest.class, (method, args) -> switch (method) {
            case "getHeader" -> headers.get((String) args[0]);
            default -> throw new AssertionError(method);
        });
    }

    @Test
    void formsPostedFromAnotherSiteAreRefused() {
        assertFalse(HalPage.crossSite(request(null, "127.0.0.1:8080")), "no Origin: not a browser on another site");
        assertFalse(HalPage.crossSite(request("http://127.0.0.1:8080", "127.0.0.1:8080")));
        assertTrue(HalPage.crossSite(request("http://evil.example", "127.0.0.1:8080")));
        assertTrue(HalPage.crossSite(request("http://127.0.0.1:9999", "127.0.0.1:8080")));
        assertTrue(HalPage.crossSite(request("null", "127.0.0.1:8080")), "an opaque origin");
        assertTrue(HalPage.crossSite(request("http://[bad", "127.0.0.1:8080")));
    }
}
