using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Prescient.Host.Hosting;

namespace Prescient.Host.Security;

/// <summary>
/// The access token of <c>prescient serve</c> (setting <c>Api:AccessToken</c>, or the environment
/// variable <c>PRESCIENT_Api__AccessToken</c>). Bound to loopback, no token is needed. On any other
/// address the server refuses to start without one. With a token set, every state-changing request
/// (POST, PUT, PATCH, DELETE: the API's runs and the dashboard's buttons) must carry
/// <c>Authorization: Bearer &lt;token&gt;</c>; reads and the dashboard hub (which only pushes) stay open.
/// </summary>
public static partial class AccessToken
{
    public const string SettingKey = "Api:AccessToken";

    /// <summary>The shortest token accepted: a guessable one protects nothing.</summary>
    public const int MinimumLength = 16;

    /// <summary>
    /// The configured token (null when none), after checking that <paramref name="urls"/> may be
    /// served with it: a non-loopback address without a token, or a token too short, is a <see cref="SettingsException"/>.
    /// </summary>
    public static string? Resolve(IConfiguration configuration, string urls)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var token = configuration[SettingKey];
        if (string.IsNullOrWhiteSpace(token))
        {
            var exposed = NonLoopback(urls).FirstOrDefault();
            if (exposed is not null)
            {
                throw new SettingsException(
                    $"serve listens on {exposed}, beyond this machine: set an access token ({SettingKey}, or PRESCIENT_Api__AccessToken, at least {MinimumLength} characters) so that only its holder can run cycles and trades; or listen on 127.0.0.1.");
            }

            return null;
        }

        if (token.Trim().Length < MinimumLength)
        {
            throw new SettingsException($"{SettingKey} is too short: use at least {MinimumLength} characters.");
        }

        return token.Trim();
    }

    /// <summary>The addresses of <paramref name="urls"/> (";"-separated) that are not loopback ("*", "+", 0.0.0.0 and host names other than localhost included).</summary>
    public static IEnumerable<string> NonLoopback(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsLoopback(url))
            {
                yield return url;
            }
        }
    }

    private static bool IsLoopback(string url)
    {
        // Kestrel accepts wildcards ("http://*:5000", "http://+:5000") that Uri does not parse as hosts.
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        var host = rest.Split('/')[0];
        if (host.StartsWith('['))
        {
            host = host[1..host.IndexOf(']', StringComparison.Ordinal)];
        }
        else if (host.LastIndexOf(':') is var colon and > 0)
        {
            host = host[..colon];
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }

    /// <summary>Refuses (401 ProblemDetails) a state-changing request without the token; the hub is exempt.</summary>
    public static IApplicationBuilder UseAccessToken(this IApplicationBuilder app, string? token)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (token is null)
        {
            return app;
        }

        var expected = Encoding.UTF8.GetBytes(token);
        return app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
                || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase)
                || Carries(request, expected))
            {
                await next(context);
                return;
            }

            var logger = context.RequestServices.GetService(typeof(ILoggerFactory)) is ILoggerFactory factory ? factory.CreateLogger(typeof(AccessToken)) : null;
            if (logger is not null)
            {
                LogRefused(logger, request.Method, request.Path.Value ?? "/", context.Connection.RemoteIpAddress?.ToString() ?? "?");
            }

            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Results.Problem(
                    title: "Access token required",
                    detail: "This server changes state only for requests that carry its access token: send Authorization: Bearer <token>.",
                    statusCode: StatusCodes.Status401Unauthorized)
                .ExecuteAsync(context);
        });
    }

    private static bool Carries(HttpRequest request, byte[] expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = Encoding.UTF8.GetBytes(header[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} from {Remote}: no valid access token")]
    private static partial void LogRefused(ILogger logger, string method, string path, string remote);
}
