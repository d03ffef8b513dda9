package flight.hal.console.internal;

import flight.hal.HalError;

/** An error from the HAL as a page shows it: a message, never a failed request. */
final class HalPageErrors {
    private HalPageErrors() {
    }

    static String text(HalError error) {
        return "<span class=\"hal-error\">" + Html.escape(error) + "</span>";
    }
}
