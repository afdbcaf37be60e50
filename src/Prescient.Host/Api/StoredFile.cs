using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Prescient.Engine.Storage;

namespace Prescient.Host.Api;

/// <summary>Serves a JSON file of the data folder as it is on disk.</summary>
internal static class StoredFile
{
    /// <summary>A file replaced only by atomic renames, so always whole: sent from disk.</summary>
    public static Results<PhysicalFileHttpResult, ProblemHttpResult> Serve(string path) =>
        File.Exists(path) ? TypedResults.PhysicalFile(path, "application/json") : NotWritten(Path.GetFileName(path));

    /// <summary>
    /// The trade ledger, which grows in place while trades are filled: sent through the ledger, as it
    /// stood when the request arrived (a file sent from disk could end part way through an append).
    /// </summary>
    public static IResult ServeLedger(ITradeLedger ledger) => new LedgerResult(ledger);

    private static ProblemHttpResult NotWritten(string file) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Not written yet",
            detail: $"{file} does not exist yet: run `prescient refresh` or the matching POST endpoint first.");

    private sealed class LedgerResult(ITradeLedger ledger) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.ContentType = "application/json";
            if (!await ledger.TryCopyToAsync(httpContext.Response.Body, httpContext.RequestAborted))
            {
                await NotWritten("paper_trades.json").ExecuteAsync(httpContext);
            }
        }
    }
}
