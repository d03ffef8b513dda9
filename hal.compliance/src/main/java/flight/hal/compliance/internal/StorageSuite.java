package flight.hal.compliance.internal;

import java.util.concurrent.atomic.AtomicReference;

import flight.hal.compliance.CheckCategory;
import flight.hal.storage.BlockDevice;
import flight.hal.storage.DeviceCapabilities;

/**
 * The compliance checks of a block device. They write only into the {@link Scratch} region, which is put back as it
 * was at the end, so a device's data survives the checks; a device another program writes at the same time should
 * not be checked.
 */
final class StorageSuite implements Suite {

    @Override
    public void run(DriverUnderTest tested, Sla sla, Checks checks) {
        BlockDevice device = (BlockDevice) tested.driver;
        AtomicReference<Scratch> found = new AtomicReference<>();
        checks.run("interface contract", CheckCategory.CONTRACT, () -> {
            Outcome identity = DriverContract.check(tested, null);
            DeviceCapabilities caps = device.deviceCapabilities();
            StorageChecks.expectSaneGeometry(caps);
            Expect.that(device.stats() != null, "stats() is null");
            found.set(Scratch.of(device, caps));
            return identity;
        });
        Scratch scratch = found.get();
        if (scratch == null) {
            return; // the contract check failed and said why; the kit does not write to a device it cannot describe
        }
        checks.run("zones", CheckCategory.CONTRACT, () -> ZoneChecks.zones(scratch));
        if (scratch.unusable != null) {
            checks.run("writes", CheckCategory.CONTRACT, () -> Outcome.skip("nothing was written: "
                    + scratch.unusable));
            return;
        }
        StorageChecks storage = new StorageChecks(scratch);
        checks.run("alignment refusals", CheckCategory.VALIDATION, storage::alignment);
        checks.run("range refusals", CheckCategory.VALIDATION, storage::range);
        checks.run("write and read back", CheckCategory.CONTRACT, storage::readBack);
        checks.run("flush and FUA", CheckCategory.CONTRACT, storage::flushAndFua);
        checks.run("discard", CheckCategory.CONTRACT, storage::discard);
        checks.run("NVM persistence", CheckCategory.CONTRACT, storage::persistence);
        checks.run("storage throughput", CheckCategory.SLA, () -> StorageLoad.throughput(scratch));
        checks.soak("long-running stability", CheckCategory.STRESS, () -> StorageLoad.soak(scratch, checks.soak()));
        checks.run("scratch region restored", CheckCategory.CLEANUP, scratch::restore);
    }
}
