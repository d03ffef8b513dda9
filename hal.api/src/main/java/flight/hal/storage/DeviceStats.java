package flight.hal.storage;

/**
 * A block device's counters since it was opened.
 *
 * @param submitted    requests accepted into the submission queue
 * @param completed    requests that completed with a value
 * @param failed       requests that completed with an error
 * @param rejected     submissions refused because the queue was full (push-back)
 * @param throttled    requests delayed because the device was hotter than its threshold
 * @param bytesRead    bytes read
 * @param bytesWritten bytes written or appended
 */
public record DeviceStats(long submitted, long completed, long failed, long rejected, long throttled, long bytesRead,
                          long bytesWritten) {
}
