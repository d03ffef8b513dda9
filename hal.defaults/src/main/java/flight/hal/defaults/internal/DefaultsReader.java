package flight.hal.defaults.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Dictionary;

import org.apache.felix.cm.file.ConfigurationHandler;

import flight.hal.HalError;
import flight.hal.HalResult;

/**
 * Reads one default from a {@code .config} file, the typed format of Felix Config Admin and FileInstall
 * ({@code capacity.bytes=L"4194304"}), and resolves its placeholders.
 */
final class DefaultsReader {
    private final Placeholders placeholders;

    DefaultsReader(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    HalResult<DefaultConfiguration> read(String fileName, InputStream in) {
        Dictionary<String, Object> properties;
        try {
            @SuppressWarnings("unchecked")
            Dictionary<String, Object> read = ConfigurationHandler.read(in);
            properties = read;
        } catch (IOException | RuntimeException e) {
            return HalResult.err(HalError.unsupportedFormat("default configuration " + fileName
                    + " is not a readable .config file: " + e.getMessage()));
        }
        DefaultConfiguration named = DefaultConfiguration.of(fileName, properties);
        return placeholders.resolve(named.id(), properties)
                .map(resolved -> DefaultConfiguration.of(fileName, resolved));
    }
}
