package flight.hal.graphics;

/** How a graphics buffer will be used, so a driver can place it where such use is cheapest. */
public enum BufferUsage {
    /** Written once, drawn from many times (textures, static meshes). */
    STATIC,
    /** Rewritten often, for example every frame. */
    DYNAMIC,
    /** A transfer buffer the processor fills and the renderer copies from. */
    STAGING
}
