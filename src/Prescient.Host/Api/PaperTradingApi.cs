using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Prescient.Engine.Positions;
using Prescient.Engine.Storage;
using Prescient.Engine.Trading;
using Prescient.Host.Dashboard;
using Prescient.Storage.Files;

namespace Prescient.Host.Api;

public static class PaperTradingApi
{
    /// <summary>Phase 3: settle and execute on paper (POST); the portfolio and the ledger (GET); their CSVs (POST).</summary>
    public static RouteGroupBuilder MapPaperTradingApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/paper-trading").WithTags("Paper trading");

        group.MapPost("/execute-signals", (ExecutionService execution, CancellationToken ct) => execution.ExecuteAsync(ct))
            .WithSummary("Settle resolved held markets, then fill every current signal on paper against a fresh book: paper_trades.json (appended), portfolio.json, trades_summary.csv, positions_current.csv.")
            .Changes(DashboardTopics.Trades, DashboardTopics.Positions, DashboardTopics.Portfolio, DashboardTopics.Signals);
        group.MapGet("/portfolio", (PortfolioService portfolio, CancellationToken ct) => portfolio.CurrentAsync(ct))
            .WithSummary("trades/portfolio.json as last written (before the first execution: the initial cash, no positions).");
        group.MapGet("/trades", (ITradingStore trading) => StoredFile.ServeLedger(trading.Ledger))
            .WithSummary("trades/paper_trades.json: every ledger record, oldest first (those present when the request arrived, while trades are filled).")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/export-trades-csv", async (PortfolioService portfolio, CancellationToken ct) =>
                TypedResults.Ok(new ExportResult([await portfolio.ExportTradesCsvAsync(ct)])))
            .WithSummary("Regenerate trades_summary.csv from the ledger.");
        group.MapPost("/export-portfolio-csv", async (PortfolioService portfolio, CancellationToken ct) =>
                TypedResults.Ok(new ExportResult([await portfolio.ExportPositionsCsvAsync(ct)])))
            .WithSummary("Regenerate positions_current.csv from the portfolio.");
        return group;
    }
}
