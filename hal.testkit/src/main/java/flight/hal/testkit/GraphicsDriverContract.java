package flight.hal.testkit;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.state.ActionChain;

import flight.hal.graphics.GraphicsDriver;

/**
 * The graphics HAL contract as a jqwik property: chains of generated calls, good and bad, against a fresh driver, each
 * checked against {@link GraphicsModel}. Bad calls (non-positive, huge and overflowing sizes, rectangles outside their
 * target or whose ends overflow, images larger than their buffer, unsupported or null formats and usages, released,
 * foreign and null targets and buffers) must be refused with an error that has a category, a code and a message, and
 * change nothing; good calls must leave every pixel of every target as the model painted it.
 *
 * <p>Implement it in a driver's tests: {@code class MyGraphicsContractTest implements GraphicsDriverContract}.
 */
public interface GraphicsDriverContract {

    /** A new driver, initialized and ready; the property shuts it down. */
    GraphicsDriver newGraphicsDriver();

    @HalProperty
    default void graphicsDriverKeepsItsContract(@ForAll("graphicsCalls") ActionChain<GraphicsModel> chain) {
        try {
            chain.withInvariant("every pixel as painted, stats count the live objects", GraphicsModel::checkInvariants)
                    .run();
        } finally {
            chain.finalState().ifPresent(model -> {
                Steps.count("GraphicsDriver " + model.driver.name(), model.calls);
                model.close();
            });
        }
    }

    @Provide
    default Arbitrary<ActionChain<GraphicsModel>> graphicsCalls() {
        return ActionChain.startWith(() -> new GraphicsModel(newGraphicsDriver(), newGraphicsDriver()))
                .withAction(2, GraphicsActions.createTarget())
                .withAction(2, GraphicsActions.refusedTarget())
                .withAction(3, GraphicsActions.paint())
                .withAction(2, GraphicsActions.refusedRectangle())
                .withAction(1, GraphicsActions.releaseTarget())
                .withAction(2, GraphicsActions.refusedObject())
                .withAction(1, GraphicsActions.createBuffer())
                .withAction(1, GraphicsActions.refusedBuffer())
                .withAction(1, GraphicsActions.releaseBuffer())
                .withAction(1, GraphicsActions.refusedBlit())
                .withMaxTransformations(25);
    }
}
