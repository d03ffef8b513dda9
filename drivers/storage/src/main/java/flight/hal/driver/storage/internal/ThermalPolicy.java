package flight.hal.driver.storage.internal;

/**
 * When and how much a device throttles its I/O.
 *
 * @param thresholdCelsius I/O is throttled while the temperature is above this
 * @param pauseNanos       the pause before each request while throttled
 * @param intervalNanos    the temperature is read at most once per interval
 */
record ThermalPolicy(double thresholdCelsius, long pauseNanos, long intervalNanos) {
}
