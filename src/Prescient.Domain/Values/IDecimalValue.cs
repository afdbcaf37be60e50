namespace Prescient.Domain.Values;

/// <summary>A value type wrapping one validated <see cref="decimal"/>, written to JSON and CSV as that plain number.</summary>
public interface IDecimalValue<TSelf>
    where TSelf : struct, IDecimalValue<TSelf>
{
    decimal Value { get; }

    /// <summary>The value, or an <see cref="ArgumentOutOfRangeException"/> naming the valid range.</summary>
    static abstract TSelf Create(decimal value);
}
