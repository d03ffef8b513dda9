package flight.hal.driver.platform.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The form of PID {@code flight.hal.gpu.topology} in a Metatype-aware console; {@link ConfiguredGpuTopology} reads it. */
@ObjectClassDefinition(name = "Flight HAL GPU topology",
        description = "Which GPUs the host has and which block ranges each one prefers (host.gpu.topology).")
@interface GpuTopologyMetatype {

    @AttributeDefinition(name = "Ranking", description = "service.ranking: the HAL priority among GpuTopology "
            + "drivers; low (0) so that a vendor's topology driver, where one exists, wins the selection.")
    int service_ranking() default 0;

    @AttributeDefinition(name = "GPUs", required = false, cardinality = Integer.MAX_VALUE,
            description = "gpus: one entry per GPU, id:weight:lbaStart:lbaLength, all non-negative (a configuration file may give "
                    + "them as one text, comma separated). Empty: the GPUs found under the DRM folder are listed.")
    String[] gpus();

    @AttributeDefinition(name = "DRM folder", description = "drm.root: where the kernel lists GPUs as card<N>, read "
            + "when no gpus are configured.")
    String drm_root() default "/sys/class/drm";

    @AttributeDefinition(name = "Detected LBA span (blocks)", min = "0", description = "detected.lba.span: the "
            + "blocks shared equally among detected GPUs, each weighted 1. 0: no ranges, so no bias.")
    long detected_lba_span() default 0;
}
