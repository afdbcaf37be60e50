using Microsoft.Extensions.Options;

namespace Prescient.Polymarket;

/// <summary>Checks <see cref="PolymarketOptions"/> and names every value out of range, with its valid range.</summary>
internal sealed class PolymarketOptionsValidator : IValidateOptions<PolymarketOptions>
{
    private const string Prefix = PolymarketOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, PolymarketOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckUrl(failures, nameof(options.GammaUrl), options.GammaUrl);
        CheckUrl(failures, nameof(options.ClobUrl), options.ClobUrl);
        CheckRange(failures, nameof(options.EventsPageSize), options.EventsPageSize, 1, 500);
        CheckRange(failures, nameof(options.MaxPages), options.MaxPages, 1, 1_000_000);
        CheckRange(failures, nameof(options.BooksBatchSize), options.BooksBatchSize, 1, 500);
        CheckRange(failures, nameof(options.BooksConcurrency), options.BooksConcurrency, 1, 64);
        CheckRange(failures, nameof(options.MaxRetries), options.MaxRetries, 0, 20);
        CheckDuration(failures, nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.Zero, "0");
        CheckDuration(failures, nameof(options.MaxRetryDelay), options.MaxRetryDelay, TimeSpan.Zero, "0");
        CheckDuration(failures, nameof(options.AttemptTimeout), options.AttemptTimeout, TimeSpan.FromMilliseconds(10), "10 ms");
        CheckDuration(failures, nameof(options.TotalTimeout), options.TotalTimeout, TimeSpan.FromMilliseconds(10), "10 ms");
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add($"{Prefix}AttemptTimeout ({options.AttemptTimeout}) must not exceed {Prefix}TotalTimeout ({options.TotalTimeout}).");
        }

        if (options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add($"{Prefix}MaxRetryDelay ({options.MaxRetryDelay}) must be at least {Prefix}RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        if (!(options.CircuitBreakerFailureRatio is > 0 and <= 1))
        {
            failures.Add($"{Prefix}CircuitBreakerFailureRatio must be greater than 0 and at most 1 (got {options.CircuitBreakerFailureRatio}).");
        }

        CheckRange(failures, nameof(options.CircuitBreakerMinimumThroughput), options.CircuitBreakerMinimumThroughput, 2, int.MaxValue);
        CheckDuration(failures, nameof(options.CircuitBreakerSamplingDuration), options.CircuitBreakerSamplingDuration, TimeSpan.FromMilliseconds(500), "0.5 s");
        CheckDuration(failures, nameof(options.CircuitBreakerBreakDuration), options.CircuitBreakerBreakDuration, TimeSpan.FromMilliseconds(500), "0.5 s");
        CheckDuration(failures, nameof(options.RateLimitWindow), options.RateLimitWindow, TimeSpan.FromMilliseconds(1), "1 ms");
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            failures.Add($"{Prefix}UserAgent must not be empty: Cloudflare may refuse requests without one.");
        }

        CheckRange(failures, nameof(options.GammaRateLimit), options.GammaRateLimit, 1, int.MaxValue);
        CheckRange(failures, nameof(options.GammaEventsRateLimit), options.GammaEventsRateLimit, 1, int.MaxValue);
        CheckRange(failures, nameof(options.GammaMarketsRateLimit), options.GammaMarketsRateLimit, 1, int.MaxValue);
        CheckRange(failures, nameof(options.ClobRateLimit), options.ClobRateLimit, 1, int.MaxValue);
        CheckRange(failures, nameof(options.ClobBooksRateLimit), options.ClobBooksRateLimit, 1, int.MaxValue);
        CheckRange(failures, nameof(options.ClobBookRateLimit), options.ClobBookRateLimit, 1, int.MaxValue);
        CheckRange(failures, nameof(options.ClobPriceHistoryRateLimit), options.ClobPriceHistoryRateLimit, 1, int.MaxValue);
        CheckRange(failures, nameof(options.DataTradesRateLimit), options.DataTradesRateLimit, 1, int.MaxValue);
        if (options.Source is null)
        {
            failures.Add($"{Prefix}Source must be set (live or sample).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckUrl(List<string> failures, string name, Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add($"{Prefix}{name} must be an absolute http or https URL (got '{url}').");
        }
    }

    private static void CheckRange(List<string> failures, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            var range = max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}";
            failures.Add($"{Prefix}{name} must be {range} (got {value}).");
        }
    }

    private static void CheckDuration(List<string> failures, string name, TimeSpan value, TimeSpan min, string minText)
    {
        if (value < min || value > TimeSpan.FromDays(1))
        {
            failures.Add($"{Prefix}{name} must be between {minText} and 1 day (got {value}).");
        }
    }
}
