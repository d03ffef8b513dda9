package flight.hal.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import net.jqwik.api.Property;

/**
 * A jqwik property of the HAL contracts. Its seed is fixed ({@value #SEED}, printed in every property's report), so a
 * run replays exactly and a failure found on CI is found again on a laptop. The number of tries is the JUnit Platform
 * configuration parameter {@code jqwik.tries.default}, which the build sets from {@code -Djqwik.tries=} (100 unless
 * given; a long run passes thousands).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Property(seed = HalProperty.SEED)
public @interface HalProperty {

    /** The seed of every HAL property. */
    String SEED = "20261205";
}
