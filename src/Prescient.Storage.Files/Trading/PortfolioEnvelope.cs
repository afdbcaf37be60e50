using Prescient.Domain.Ids;
using Prescient.Engine.Storage;
using Prescient.Storage.Files.Json;

namespace Prescient.Storage.Files.Trading;

/// <summary>
/// The shape of <c>trades/portfolio.json</c>: the fields of <see cref="PortfolioSnapshot"/> in order,
/// the source as its name plus <c>simulated</c>, as in every envelope. USDC unless stated.
/// </summary>
internal sealed record PortfolioEnvelope
{
    public required DateTimeOffset GeneratedAt { get; init; }

    public required string Source { get; init; }

    public required bool Simulated { get; init; }

    public required decimal InitialCash { get; init; }

    public required decimal Cash { get; init; }

    public required decimal PositionsValue { get; init; }

    public required decimal Equity { get; init; }

    public required decimal RealizedPnl { get; init; }

    public required decimal UnrealizedPnl { get; init; }

    public required decimal Exposure { get; init; }

    public required decimal FeesPaid { get; init; }

    public required int TradeCount { get; init; }

    public TradeId? LastTradeId { get; init; }

    public required IReadOnlyList<PositionSnapshot> Positions { get; init; }

    public static PortfolioEnvelope From(PortfolioSnapshot snapshot) => new()
    {
        GeneratedAt = snapshot.GeneratedAt,
        Source = snapshot.Source.Name,
        Simulated = snapshot.Source.IsSimulated,
        InitialCash = snapshot.InitialCash,
        Cash = snapshot.Cash,
        PositionsValue = snapshot.PositionsValue,
        Equity = snapshot.Equity,
        RealizedPnl = snapshot.RealizedPnl,
        UnrealizedPnl = snapshot.UnrealizedPnl,
        Exposure = snapshot.Exposure,
        FeesPaid = snapshot.FeesPaid,
        TradeCount = snapshot.TradeCount,
        LastTradeId = snapshot.LastTradeId,
        Positions = snapshot.Positions,
    };

    public PortfolioSnapshot ToSnapshot(string path) => new()
    {
        GeneratedAt = GeneratedAt,
        Source = EnvelopeFields.Source(path, Source, Simulated),
        InitialCash = InitialCash,
        Cash = Cash,
        PositionsValue = PositionsValue,
        Equity = Equity,
        RealizedPnl = RealizedPnl,
        UnrealizedPnl = UnrealizedPnl,
        Exposure = Exposure,
        FeesPaid = FeesPaid,
        TradeCount = TradeCount >= 0 ? TradeCount : throw JsonFile.Corrupt(path, $"trade_count is {TradeCount}."),
        LastTradeId = LastTradeId,
        Positions = Positions,
    };
}
