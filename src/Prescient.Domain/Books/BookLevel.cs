namespace Prescient.Domain.Books;

/// <summary>One price level of an order book: price in [0, 1] USDC per share, size in shares (&gt; 0).</summary>
public sealed record BookLevel
{
    public BookLevel(decimal price, decimal size)
    {
        if (price is < 0m or > 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A book price must be between 0 and 1 inclusive.");
        }

        if (size <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "A book level size must be greater than 0 shares.");
        }

        Price = price;
        Size = size;
    }

    public decimal Price { get; }

    public decimal Size { get; }
}
