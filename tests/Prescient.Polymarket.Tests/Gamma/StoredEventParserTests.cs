using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prescient.Engine.Markets;
using Prescient.Polymarket.Gamma;
using Prescient.Polymarket.Tests.Server;
using Prescient.Testing;

namespace Prescient.Polymarket.Tests.Gamma;

/// <summary>The Gamma parser as the engine's <see cref="IEventParser"/>: how exports map the stored filtered events back.</summary>
public sealed class StoredEventParserTests
{
    [Fact]
    public void AddPolymarket_RegistersTheGammaParserAsTheEventParser()
    {
        using var services = new ServiceCollection().AddLogging().AddPolymarket().BuildServiceProvider();

        Assert.Same(services.GetRequiredService<GammaEventParser>(), services.GetRequiredService<IEventParser>());
    }

    [Fact]
    public void Parse_StoredGammaObject_SameEventAsOnDiscovery()
    {
        var raw = FixtureData.EventObjects(FixtureData.MicroStrategy)[0].ToElement();
        IEventParser parser = new GammaEventParser();

        var parsed = parser.Parse(raw);

        var discovered = new GammaEventParser().Parse(raw).Value!;
        Assert.NotNull(parsed);
        Assert.Equal((discovered.Id, discovered.Title, discovered.Liquidity, discovered.EndDate), (parsed.Id, parsed.Title, parsed.Liquidity, parsed.EndDate));
        Assert.Equal(discovered.Markets.Select(m => (m.Id, m.Question)), parsed.Markets.Select(m => (m.Id, m.Question)));
        Assert.Equal(discovered.Tags, parsed.Tags);
        Assert.Equal(JsonSerializer.Serialize(raw), JsonSerializer.Serialize(parsed.Raw));
    }

    [Theory]
    [InlineData("""{"title":"no id"}""")]
    [InlineData("[1,2]")]
    public void Parse_ObjectThatDoesNotMap_NullAndTheReasonLogged(string json)
    {
        using var logs = new LogCapture();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        IEventParser parser = new GammaEventParser(factory.CreateLogger<GammaEventParser>());

        Assert.Null(parser.Parse(JsonNode.Parse(json)!.ToElement()));

        var entry = Assert.Single(logs.WithEventId(1105));
        Assert.StartsWith("Skipped a stored Gamma event: ", entry.Message, StringComparison.Ordinal);
    }
}
