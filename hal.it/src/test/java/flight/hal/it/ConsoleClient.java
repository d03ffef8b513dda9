package flight.hal.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP requests to the Web Console on 127.0.0.1, with or without Basic credentials; redirects are not followed. */
final class ConsoleClient {
    /** What the console answered. */
    record Answer(int status, String body, String location) {
    }

    private final int port;

    ConsoleClient(int port) {
        this.port = port;
    }

    Answer get(String path, String user, String password) throws IOException {
        return send("GET", path, user, password, null);
    }

    Answer post(String path, String user, String password, String form) throws IOException {
        return send("POST", path, user, password, form);
    }

    private Answer send(String method, String path, String user, String password, String form) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + path).toURL()
                .openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(30000);
        connection.setRequestMethod(method);
        if (user != null) {
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (form != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(form.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, body, connection.getHeaderField("Location"));
        } finally {
            connection.disconnect();
        }
    }
}
