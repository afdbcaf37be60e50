using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Prescient.Engine.Positions;
using Prescient.Engine.Storage;
using Prescient.Host.Hosting;
using Spectre.Console;

namespace Prescient.Cli.Commands;

/// <summary><c>prescient trades [--last N]</c>: the ledger, newest last.</summary>
internal static class TradesCommand
{
    public static Command Create(CliContext context)
    {
        var last = new Option<int>("--last") { Description = "Show only the last N records (default 50; 0 for all).", DefaultValueFactory = _ => 50 };
        var command = new Command("trades", "Show the paper trade ledger (trades/paper_trades.json), oldest first.") { last };
        command.SetAction(async (parse, ct) =>
        {
            var count = parse.GetValue(last);
            if (count < 0)
            {
                throw new Host.Hosting.SettingsException("--last must be 0 (all) or a positive number of records.");
            }

            await using var runtime = await PrescientRuntime.StartAsync(context.Options.BuildConfiguration(parse), CliContext.ConfigureLogging, ct, market: MarketUse.None);
            var service = runtime.Services.GetRequiredService<PortfolioService>();
            var (shown, total) = count == 0 ? await AllAsync(service, ct) : await service.LastTradesAsync(count, ct);
            var table = new Table().Title(CliFormat.Title("Paper trade ledger", runtime.Backend.Info))
                .AddColumn("Trade").AddColumn("When (UTC)").AddColumn("Kind").AddColumn("Question").AddColumn("Outcome")
                .AddColumn(new TableColumn("Shares").RightAligned()).AddColumn(new TableColumn("Price").RightAligned())
                .AddColumn(new TableColumn("Cost").RightAligned()).AddColumn(new TableColumn("Fees").RightAligned())
                .AddColumn(new TableColumn("Cash after").RightAligned()).AddColumn(new TableColumn("Realized").RightAligned());
            foreach (var t in shown)
            {
                table.AddRow(
                    t.TradeId.Value,
                    t.ExecutedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    CliFormat.Code(t.Kind),
                    Markup.Escape(CliFormat.Clip(t.Question, 36)),
                    Markup.Escape(t.Outcome ?? string.Empty),
                    CliFormat.Shares(t.Shares.Value),
                    CliFormat.Price(t.Price.Value),
                    CliFormat.Usdc(t.Cost.Value),
                    CliFormat.Usdc(t.Fees.Value),
                    CliFormat.Usdc(t.CashAfter.Value),
                    t.RealizedPnl is { } pnl ? CliFormat.Usdc(pnl.Value) : "—");
            }

            context.Console.Write(table);
            context.Console.MarkupLineInterpolated($"{shown.Count} of {total} records shown.");
            return 0;
        });
        return command;
    }

    private static async Task<LedgerTail> AllAsync(PortfolioService service, CancellationToken cancellationToken)
    {
        var all = await service.TradesAsync(cancellationToken);
        return new LedgerTail(all, all.Count);
    }
}
