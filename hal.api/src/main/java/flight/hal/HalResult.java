package flight.hal;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The outcome of a HAL operation: either a value ({@link Ok}) or a {@link HalError} ({@link Err}); never both, never
 * neither. Expected failures travel as results so a caller cannot forget them the way it can forget an exception.
 *
 * <p>Operations without a value return {@code HalResult<Void>}; {@link #ok()} is a shared instance, so success costs
 * no allocation.
 *
 * @param <T> the type of the value
 */
public sealed interface HalResult<T> permits HalResult.Ok, HalResult.Err {

    /** A successful result holding {@code value}; {@code value} may be {@code null} only for {@code Void}. */
    record Ok<T>(T value) implements HalResult<T> {
        /** The shared success of valueless operations. */
        static final Ok<Object> VOID = new Ok<>(null);
    }

    /** A failed result. */
    record Err<T>(HalError error) implements HalResult<T> {
        public Err {
            Objects.requireNonNull(error, "error");
        }
    }

    /** A successful result holding {@code value}. */
    static <T> HalResult<T> ok(T value) {
        return new Ok<>(value);
    }

    /** The successful result of an operation that has no value. */
    @SuppressWarnings("unchecked")
    static <T> HalResult<T> ok() {
        return (HalResult<T>) Ok.VOID;
    }

    /** A failed result. */
    static <T> HalResult<T> err(HalError error) {
        return new Err<>(error);
    }

    /** A failed result with the category's default code. */
    static <T> HalResult<T> err(ErrorCategory category, String message) {
        return new Err<>(HalError.of(category, message));
    }

    /** {@code true} for a value, {@code false} for an error. */
    default boolean isOk() {
        return this instanceof Ok;
    }

    /** {@code true} for an error. */
    default boolean isErr() {
        return this instanceof Err;
    }

    /** The value, or {@code null} when this is an error; see {@link #orElseThrow()} to insist on a value. */
    default T valueOrNull() {
        return this instanceof Ok<T> ok ? ok.value() : null;
    }

    /** The value as an {@link Optional}; empty for an error or a {@code null} value. */
    default Optional<T> asOptional() {
        return Optional.ofNullable(valueOrNull());
    }

    /** The error as an {@link Optional}; empty for a success. */
    default Optional<HalError> failure() {
        return this instanceof Err<T> err ? Optional.of(err.error()) : Optional.empty();
    }

    /** The error, or {@code null} on success. */
    default HalError errorOrNull() {
        return this instanceof Err<T> err ? err.error() : null;
    }

    /** Applies {@code mapper} to a value; an error passes through unchanged. */
    @SuppressWarnings("unchecked")
    default <U> HalResult<U> map(Function<? super T, ? extends U> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return this instanceof Ok<T> ok ? new Ok<>(mapper.apply(ok.value())) : (HalResult<U>) this;
    }

    /** Continues with another operation on a value; an error passes through unchanged. */
    @SuppressWarnings("unchecked")
    default <U> HalResult<U> flatMap(Function<? super T, ? extends HalResult<? extends U>> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        if (this instanceof Ok<T> ok) {
            return (HalResult<U>) Objects.requireNonNull(mapper.apply(ok.value()), "mapper returned null");
        }
        return (HalResult<U>) this;
    }

    /** Turns an error into a value (for example a fallback); a value passes through unchanged. */
    default HalResult<T> recover(Function<? super HalError, ? extends T> recovery) {
        Objects.requireNonNull(recovery, "recovery");
        return this instanceof Err<T> err ? new Ok<>(recovery.apply(err.error())) : this;
    }

    /** Replaces an error by another result (for example another driver's); a value passes through unchanged. */
    @SuppressWarnings("unchecked")
    default HalResult<T> orElseTry(Function<? super HalError, ? extends HalResult<? extends T>> alternative) {
        Objects.requireNonNull(alternative, "alternative");
        return this instanceof Err<T> err ? (HalResult<T>) alternative.apply(err.error()) : this;
    }

    /** Changes the error, for example to add context; a value passes through unchanged. */
    default HalResult<T> mapError(Function<? super HalError, HalError> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return this instanceof Err<T> err ? new Err<>(mapper.apply(err.error())) : this;
    }

    /** The value, or {@code fallback} for an error. */
    default T orElse(T fallback) {
        return this instanceof Ok<T> ok ? ok.value() : fallback;
    }

    /** The value, or what {@code fallback} supplies for an error. */
    default T orElseGet(Supplier<? extends T> fallback) {
        return this instanceof Ok<T> ok ? ok.value() : fallback.get();
    }

    /** The value; for an error, throws a {@link HalException} carrying it. */
    default T orElseThrow() {
        if (this instanceof Err<T> err) {
            throw new HalException(err.error());
        }
        return ((Ok<T>) this).value();
    }

    /** Runs {@code action} with the value, if there is one; returns this result. */
    default HalResult<T> ifOk(Consumer<? super T> action) {
        if (this instanceof Ok<T> ok) {
            action.accept(ok.value());
        }
        return this;
    }

    /** Runs {@code action} with the error, if there is one; returns this result. */
    default HalResult<T> ifErr(Consumer<? super HalError> action) {
        if (this instanceof Err<T> err) {
            action.accept(err.error());
        }
        return this;
    }
}
