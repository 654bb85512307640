package charon.campaign;

import jakarta.json.JsonNumber;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A YAML float written as JSON-B writes a Java double ({@code 1.0E-4}, {@code 3.8E7}, {@code -0.0}), where JSON-P's
 * own number writes {@code 0.00010}, {@code 3.8E+7}, {@code 0.0}: the same number, but the payload has always had
 * these bytes (see {@link FreeForm.Floats}).
 */
final class JavaDouble implements JsonNumber {

    private final double value;

    JavaDouble(double value) {
        this.value = value;
    }

    @Override
    public boolean isIntegral() {
        return bigDecimalValue().scale() == 0;
    }

    @Override
    public int intValue() {
        return bigDecimalValue().intValue();
    }

    @Override
    public int intValueExact() {
        return bigDecimalValue().intValueExact();
    }

    @Override
    public long longValue() {
        return bigDecimalValue().longValue();
    }

    @Override
    public long longValueExact() {
        return bigDecimalValue().longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return bigDecimalValue().toBigInteger();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        return bigDecimalValue().toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
        return value;
    }

    @Override
    public BigDecimal bigDecimalValue() {
        return BigDecimal.valueOf(value); // NaN and infinities were refused when the value was made
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof JsonNumber number && bigDecimalValue().equals(number.bigDecimalValue());
    }

    @Override
    public int hashCode() {
        return bigDecimalValue().hashCode();
    }

    @Override
    public String toString() {
        return Double.toString(value);
    }
}
