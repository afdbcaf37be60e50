using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Prescient.Engine.Storage;

namespace Prescient.Host.Api;

/// <summary>Serves a state document or the ledger as the store holds it, through the store's ports (the data folder's files or PostgreSQL's rows).</summary>
internal static class StoredFile
{
    /// <summary>A document replaced only whole (an atomic rename, one row update), so always whole: sent as stored.</summary>
    public static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> Serve(IStateDocuments documents, StateDocument document, CancellationToken cancellationToken) =>
        await documents.OpenAsync(document, cancellationToken) is { } stream
            ? TypedResults.Stream(stream, "application/json")
            : NotWritten(documents.NameOf(document));

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
