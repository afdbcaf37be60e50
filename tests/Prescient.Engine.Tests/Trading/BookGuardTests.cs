using Prescient.Domain.Books;
using Prescient.Domain.Ids;
using Prescient.Domain.Trading;
using Prescient.Engine.Extraction;
using Prescient.Engine.Trading;
using Prescient.Testing.Builders;
using static Prescient.Engine.Tests.Trading.TradingData;

namespace Prescient.Engine.Tests.Trading;

public sealed class BookGuardTests
{
    private static readonly TradingOptions Limits = new();

    [Fact]
    public void Check_EveryRecordedYesNoPair_TrustsBothBooks()
    {
        var pairs = RecordedBooks.ReplayPairs();

        Assert.Equal(12, pairs.Count);
        Assert.All(pairs, pair =>
        {
            var row = RowFor(pair.First, pair.Second);
            Assert.Null(BookGuard.Check(pair.First, pair.Second, row.ToMarket(), Limits));
            Assert.Null(BookGuard.Check(pair.Second, pair.First, row.ToMarket(), Limits));
        });
    }

    [Fact]
    public void Check_RecordedPairsIncludeOneSidedBooks_WhoseMirrorsAreOneSidedToo()
    {
        var oneSided = RecordedBooks.ReplayPairs().Where(p => p.First.Asks.Count == 0 || p.First.Bids.Count == 0).ToArray();

        Assert.NotEmpty(oneSided);
        Assert.All(oneSided, pair => Assert.Null(BookGuard.Check(pair.Second, pair.First, null, new TradingOptions { MaxComplementGap = 0m })));
    }

    [Fact]
    public void Check_GhostBookOnTheTokenToBuy_IsQuoteMismatch()
    {
        var (yes, no) = Pair("0x865ac5b1");
        var row = RowFor(yes, no);

        var refusal = BookGuard.Check(Ghost(no.TokenId, no.Timestamp), yes, row.ToMarket(), Limits);

        Assert.Equal(RejectionReason.QuoteMismatch, refusal?.Reason);
        Assert.Equal("NO best ask 0.99 is 0.51 from 1 − Gamma's best bid 0.52 = 0.48 in the refresh; the maximum quote gap is 0.1", refusal!.Detail);
    }

    [Fact]
    public void Check_GhostBookOnTheOtherToken_IsComplementMismatch()
    {
        var (yes, no) = Pair("0x865ac5b1");

        var refusal = BookGuard.Check(no, Ghost(yes.TokenId, yes.Timestamp), RowFor(yes, no).ToMarket(), Limits);

        Assert.Equal(RejectionReason.ComplementMismatch, refusal?.Reason);
        Assert.Equal("best ask 0.48 is 0.51 from 1 − the other token's best bid 0.01 = 0.99; the maximum complement gap is 0.02", refusal!.Detail);
    }

    [Theory]
    [InlineData(0.02, null)]
    [InlineData(0.021, RejectionReason.ComplementMismatch)]
    public void Check_ComplementGapAtAndPastTheLimit_RefusedOnlyPast(double gap, RejectionReason? expected)
    {
        var (yes, no) = Pair("0x8530b964");
        var moved = Book(no.TokenId, no.Timestamp, [(no.BestAsk!.Value + (decimal)gap, 100m)], [(no.BestBid!.Value, 100m)]);

        Assert.Equal(expected, BookGuard.Check(moved, yes, null, Limits)?.Reason);
    }

    [Theory]
    [InlineData(0.10, null)]
    [InlineData(0.11, RejectionReason.QuoteMismatch)]
    public void Check_NoTokenAgainstGamma_ComparesWithTheMirroredYesQuote(double gap, RejectionReason? expected)
    {
        var (yes, no) = Pair("0x8530b964");
        var row = RowFor(yes, no) with { BestBid = 0.68m - (decimal)gap };

        // NO ask 0.32 against 1 − Gamma's YES best bid.
        Assert.Equal(expected, BookGuard.Check(no, null, row.ToMarket(), Limits)?.Reason);
    }

    [Fact]
    public void Check_CrossedOrLockedBook_IsCrossedBook()
    {
        var row = Row();
        var crossed = Book(row.NoTokenId!.Value, Now, [(0.40m, 10m)], [(0.41m, 10m)]);
        var locked = Book(row.NoTokenId!.Value, Now, [(0.40m, 10m)], [(0.40m, 10m)]);
        var fine = Book(row.NoTokenId!.Value, Now, [(0.40m, 10m)], [(0.39m, 10m)]);

        Assert.Equal("the book of token " + row.NoTokenId + " is crossed: best bid 0.41 ≥ best ask 0.4", BookGuard.Check(crossed, null, row.ToMarket(), Limits)?.Detail);
        Assert.Equal(RejectionReason.CrossedBook, BookGuard.Check(locked, null, row.ToMarket(), Limits)?.Reason);
        Assert.Equal(RejectionReason.CrossedBook, BookGuard.Check(fine, Mirror(locked, row.YesTokenId!.Value), row.ToMarket(), Limits)?.Reason);
    }

    [Fact]
    public void Check_OtherTokenWithoutTheMirrorSide_IsComplementMismatch()
    {
        var row = Row();
        var no = Book(row.NoTokenId!.Value, Now, [(0.40m, 10m)], [(0.38m, 10m)]);
        var yes = Book(row.YesTokenId!.Value, Now, [(0.62m, 10m)]);

        var refusal = BookGuard.Check(no, yes, row.ToMarket(), Limits);

        Assert.Equal(RejectionReason.ComplementMismatch, refusal?.Reason);
        Assert.Contains("has a best ask of 0.4 but the other token " + row.YesTokenId + " has no bids", refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NothingToCompareWith_TrustsAnUncrossedBook()
    {
        var row = Row(change: r => r with { BestBid = 0.60m, BestAsk = 0.61m });
        var ghost = Ghost(row.NoTokenId!.Value, Now);

        Assert.Null(BookGuard.Check(ghost, null, null, Limits));
        Assert.Null(BookGuard.Check(ghost, null, (row with { Closed = true }).ToMarket(), Limits));
        Assert.Null(BookGuard.Check(ghost, null, Row().ToMarket(), Limits));
        Assert.Equal(RejectionReason.QuoteMismatch, BookGuard.Check(ghost, null, row.ToMarket(), Limits)?.Reason);
    }

    [Fact]
    public void Check_LegacyBookWithItsBestPricesLast_IsReadBestFirstAndTrusted()
    {
        var book = RecordedBooks.Legacy();
        var row = Row() with { YesTokenId = book.TokenId, BestBid = 0.10m, BestAsk = 0.14m };

        Assert.Equal((0.10m, 0.14m), (book.BestBid, book.BestAsk));
        Assert.Null(BookGuard.Check(book, null, row.ToMarket(), Limits));
    }

    [Fact]
    public void ComplementOf_EitherTokenOfTheRow_IsTheOther()
    {
        var row = Row();

        Assert.Equal(row.NoTokenId, BookGuard.ComplementOf(row.ToMarket(), row.YesTokenId!.Value));
        Assert.Equal(row.YesTokenId, BookGuard.ComplementOf(row.ToMarket(), row.NoTokenId!.Value));
        Assert.Null(BookGuard.ComplementOf(row.ToMarket(), TokenId.Create("9")));
        Assert.Null(BookGuard.ComplementOf(null, row.NoTokenId!.Value));
    }

    /// <summary>A recorded pair whose condition id starts with <paramref name="condition"/>, YES (the higher-priced first listed) then NO.</summary>
    private static (OrderBook Yes, OrderBook No) Pair(string condition)
    {
        var pair = RecordedBooks.ReplayPairs().Single(p => p.First.ConditionId!.Value.Value.StartsWith(condition, StringComparison.Ordinal));
        return (pair.First, pair.Second);
    }

    /// <summary>The market row a refresh would extract at the books' instant: Gamma's best bid/ask are the YES book's.</summary>
    private static MarketRow RowFor(OrderBook yes, OrderBook no) =>
        Row() with { YesTokenId = yes.TokenId, NoTokenId = no.TokenId, BestBid = yes.BestBid, BestAsk = yes.BestAsk };
}
