package flight.hal.compliance.internal;

/** The checks of one HAL interface. */
@FunctionalInterface
interface Suite {

    /** Runs every check against {@code tested}, whose platform sets {@code sla}, into {@code checks}. */
    void run(DriverUnderTest tested, Sla sla, Checks checks);
}
