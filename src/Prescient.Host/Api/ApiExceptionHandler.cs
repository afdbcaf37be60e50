using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Prescient.Domain.Positions;
using Prescient.Engine.Markets;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;

namespace Prescient.Host.Api;

/// <summary>
/// Turns the expected failures of a use-case into ProblemDetails: upstream data unavailable (503),
/// a prerequisite step not run yet (409), a stored file that cannot be read or a ledger that does not add up (500 naming the file or record).
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title) = exception switch
        {
            MarketDataUnavailableException => (StatusCodes.Status503ServiceUnavailable, "Market data unavailable"),
            Engine.Storage.StoreUnavailableException => (StatusCodes.Status503ServiceUnavailable, "The store is unavailable"),
            MissingStateException => (StatusCodes.Status409Conflict, "A previous step has not run yet"),
            InvalidDataException => (StatusCodes.Status500InternalServerError, "A stored file could not be read"),
            LedgerInconsistencyException => (StatusCodes.Status500InternalServerError, "The trade ledger does not add up"),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return false;
        }

        LogHandled(logger, status, httpContext.Request.Path, exception.Message);
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = exception is MissingStateException missing ? NextStep.Describe(missing) : exception.Message },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Status} on {Path}: {Reason}")]
    private static partial void LogHandled(ILogger logger, int status, string path, string reason);
}
