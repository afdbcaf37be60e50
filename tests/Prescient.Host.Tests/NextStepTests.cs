using Prescient.Engine.Exports;
using Prescient.Engine.Refresh;
using Prescient.Host.Hosting;

namespace Prescient.Host.Tests;

public sealed class NextStepTests
{
    [Theory]
    [InlineData(PipelineStep.Events, "No extracted markets yet: run `prescient refresh` (or POST /events/refresh-all-exports) first.")]
    [InlineData(PipelineStep.Quotes, "No extracted markets yet: run `prescient refresh` (or POST /markets/refresh) first.")]
    [InlineData(PipelineStep.Signals, "No extracted markets yet: run `prescient signals` (or POST /strategy/generate-signals) first.")]
    public void Describe_MissingState_NamesTheCommandAndTheEndpointOfItsStep(PipelineStep step, string expected)
    {
        Assert.Equal(expected, NextStep.Describe(new MissingStateException("No extracted markets yet", step)));
    }

    [Fact]
    public void Describe_SkippedExport_NamesTheFileAndTheCommand()
    {
        Assert.Equal("no trades/current_signals.json yet: run `prescient signals`", NextStep.Describe(new SkippedExport("trades/current_signals.json", PipelineStep.Signals)));
    }
}
