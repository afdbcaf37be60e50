using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Prescient.Polymarket.Http;

/// <summary>
/// The resilience pipeline of a Polymarket client, outermost first: total timeout, retry
/// (exponential backoff with jitter, honouring <c>Retry-After</c> up to
/// <see cref="PolymarketOptions.MaxRetryDelay"/>; 408, 429, 5xx, transport errors, attempt timeouts
/// and malformed bodies, for every method: <c>POST /books</c> is a read), circuit breaker, client-side
/// rate limit (a permit per attempt, waited for outside the attempt timeout), attempt timeout.
/// </summary>
internal static class PolymarketResilience
{
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        PolymarketOptions options,
        EndpointRateLimiter rateLimiter,
        TimeProvider timeProvider,
        ILogger logger,
        string host)
    {
        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(
                    RetryAfterDelay.From(args.Outcome.Result, timeProvider.GetUtcNow(), options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    HttpLog.Retrying(
                        logger,
                        Describe(args.Context.GetRequestMessage(), host),
                        Cause(args.Outcome),
                        args.AttemptNumber + 1,
                        options.MaxRetries,
                        args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            Name = "circuit",
            FailureRatio = options.CircuitBreakerFailureRatio,
            MinimumThroughput = options.CircuitBreakerMinimumThroughput,
            SamplingDuration = options.CircuitBreakerSamplingDuration,
            BreakDuration = options.CircuitBreakerBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)),
            OnOpened = args =>
            {
                HttpLog.CircuitOpened(logger, host, args.BreakDuration.TotalSeconds, Cause(args.Outcome));
                return default;
            },
            OnClosed = _ =>
            {
                HttpLog.CircuitClosed(logger, host);
                return default;
            },
        });

        builder.AddRateLimiter(new RateLimiterStrategyOptions
        {
            Name = "rate-limit",
            RateLimiter = args => rateLimiter.AcquireAsync(
                PolymarketEndpointTag.EndpointOf(args.Context.GetRequestMessage()),
                args.Context.CancellationToken),
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    private static string Cause(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception ? FailureText.Describe(exception)
        : outcome.Result is { } response ? FailureText.Describe(response)
        : "unknown failure";

    private static string Describe(HttpRequestMessage? request, string host) =>
        request?.RequestUri is { } uri ? $"{request.Method} {uri.Host}{uri.AbsolutePath}" : host;
}
