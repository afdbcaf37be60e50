namespace Prescient.Sample.Universe;

/// <summary>
/// A market's YES price path in logit space: a base level, three seeded sinusoids (hours, days and
/// weeks) and a drift that grows as τ³ (τ = share of the market's life elapsed) toward the outcome,
/// so prices move hour to hour and converge on the result near the end.
/// </summary>
internal sealed class PriceCurve
{
    private const double TicksPerHour = TimeSpan.TicksPerHour;

    private readonly double _mu;
    private readonly double[] _amplitude;
    private readonly double[] _angularSpeed;
    private readonly double[] _phase;
    private readonly double _drift;
    private readonly long _start;
    private readonly long _end;

    /// <summary>Logit amplitude ranges of the fast, medium and slow sinusoid: small hourly wiggles, larger swings over weeks.</summary>
    private static readonly (double Min, double Max)[] Amplitudes = [(0.03, 0.1), (0.1, 0.3), (0.2, 0.6)];

    public PriceCurve(double mu, double drift, long startTicks, long endTicks, (double Min, double Max)[] periodHours, double amplitudeScale, ref SampleRandom random)
    {
        _mu = mu;
        _drift = drift;
        _start = startTicks;
        _end = Math.Max(endTicks, startTicks + 1);
        _amplitude = new double[periodHours.Length];
        _angularSpeed = new double[periodHours.Length];
        _phase = new double[periodHours.Length];
        for (var k = 0; k < periodHours.Length; k++)
        {
            var (low, high) = Amplitudes[Math.Min(k, Amplitudes.Length - 1)];
            _amplitude[k] = amplitudeScale * random.Between(low, high);
            _angularSpeed[k] = 2 * Math.PI / random.Between(periodHours[k].Min, periodHours[k].Max);
            _phase[k] = random.Between(0, 2 * Math.PI);
        }
    }

    /// <summary>The logit of the YES price at <paramref name="ticks"/> (UTC ticks).</summary>
    public double Logit(long ticks)
    {
        var tau = Math.Clamp((double)(ticks - _start) / (_end - _start), 0, 1);
        var hours = ticks / TicksPerHour;
        var x = _mu + (_drift * tau * tau * tau);
        for (var k = 0; k < _amplitude.Length; k++)
        {
            x += _amplitude[k] * Math.Sin((_angularSpeed[k] * hours) + _phase[k]);
        }

        return x;
    }

    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
