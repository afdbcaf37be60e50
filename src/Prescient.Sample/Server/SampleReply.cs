using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Prescient.Sample.Server;

/// <summary>A reply built by an endpoint, before faults and latency are applied. Owns its body buffer.</summary>
internal sealed class SampleReply : IDisposable
{
    public const string Json = "application/json; charset=utf-8";

    private SampleReply(int status, string contentType, PooledBuffer body)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
    }

    public int Status { get; }

    public string ContentType { get; }

    public PooledBuffer Body { get; }

    public List<KeyValuePair<string, string>> Headers { get; } = [];

    public bool IsJson => ContentType == Json;

    /// <summary>A JSON reply written by <paramref name="write"/>.</summary>
    public static SampleReply JsonBody(int status, Action<Utf8JsonWriter> write)
    {
        var body = new PooledBuffer();
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return new SampleReply(status, Json, body);
    }

    /// <summary>CLOB error body: <c>{"error":"…"}</c>.</summary>
    public static SampleReply ClobError(int status, string message) =>
        JsonBody(status, w =>
        {
            w.WriteStartObject();
            w.WriteString("error", message);
            w.WriteEndObject();
        });

    /// <summary>Gamma error body: <c>{"type":"…","error":"…"}</c>.</summary>
    public static SampleReply GammaError(int status, string type, string message) =>
        JsonBody(status, w =>
        {
            w.WriteStartObject();
            w.WriteString("type", type);
            w.WriteString("error", message);
            w.WriteEndObject();
        });

    /// <summary>Gamma's 422 for a bad query.</summary>
    public static SampleReply Validation(string message) => GammaError(422, "validation error", message);

    public static SampleReply Text(int status, string text)
    {
        var body = new PooledBuffer();
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes.CopyTo(body.GetSpan(bytes.Length));
        body.Advance(bytes.Length);
        return new SampleReply(status, "text/plain; charset=utf-8", body);
    }

    public void Dispose() => Body.Dispose();
}
