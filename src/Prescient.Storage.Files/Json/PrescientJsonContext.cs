using System.Text.Json.Serialization;
using Prescient.Domain.History;
using Prescient.Domain.Signals;
using Prescient.Domain.Trading;
using Prescient.Engine.Backtest.Recorded;
using Prescient.Engine.Extraction;
using Prescient.Engine.Filters;
using Prescient.Engine.Quotes;
using Prescient.Engine.Runs;
using Prescient.Storage.Files.MarketHistory;
using Prescient.Storage.Files.Markets;
using Prescient.Storage.Files.Trading;

namespace Prescient.Storage.Files.Json;

/// <summary>
/// Serialization code generated at build time for the records every command reads or writes first
/// (the lock owner, the ledger checkpoint, the portfolio, the ledger, the run log, the history) and
/// the items a refresh writes by the thousand (extracted markets, quotes, daily prices, and its
/// filters), and the documents the short commands read back (the markets, quotes and events files,
/// the daily prices, the market tape, a document's header), so a short command does not spend its
/// start building their metadata by reflection (and compiling a property getter for each of their
/// fields), and an ahead-of-time compiled build (PublishAot, where reflection is off) can read and
/// write them at all. It only supplies metadata: <see cref="PrescientJson.Options"/> (naming,
/// converters, strictness) still decides the format, and any other type falls back to reflection
/// in the normal build, so the files are byte for byte the same.
/// </summary>
[JsonSerializable(typeof(LockOwner))]
[JsonSerializable(typeof(LedgerCheckpoint))]
[JsonSerializable(typeof(PortfolioEnvelope))]
[JsonSerializable(typeof(SignalsEnvelope))]
[JsonSerializable(typeof(Trade))]
[JsonSerializable(typeof(RunRecord))]
[JsonSerializable(typeof(PortfolioDay))]
[JsonSerializable(typeof(Signal))]
[JsonSerializable(typeof(MarketRow))]
[JsonSerializable(typeof(TokenQuote))]
[JsonSerializable(typeof(DailyPrice))]
[JsonSerializable(typeof(TradingFilterOptions))]
[JsonSerializable(typeof(MarketsEnvelope))]
[JsonSerializable(typeof(QuotesEnvelope))]
[JsonSerializable(typeof(FilteredEventsEnvelope))]
[JsonSerializable(typeof(DailyPricesEnvelope))]
[JsonSerializable(typeof(MarketTapeDay))]
[JsonSerializable(typeof(StateDocuments.DocumentHeader))]
internal sealed partial class PrescientJsonContext : JsonSerializerContext;
