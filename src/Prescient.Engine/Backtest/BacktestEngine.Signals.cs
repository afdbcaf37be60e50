using Prescient.Domain.Trading;
using Prescient.Engine.Signals;
using Prescient.Engine.Trading;

namespace Prescient.Engine.Backtest;

/// <summary>
/// The signal path of a step: the strategy asked on the dirty events (those whose price changed, every event on
/// a new day, and those whose last signal was refused), each signal decided by <see cref="PaperExecutor.Decide"/>
/// against the synthetic books. A signal the account has no room for (<see cref="PaperExecutor.ExceedsTotalExposure"/>)
/// is refused before its books are built; a built-in strategy whose every signal would be is not asked for signals
/// at all: its signals are counted as the rule holds (<see cref="IRuleStrategy.Holds"/>).
/// </summary>
public sealed partial class BacktestEngine
{
    private void Trade(DateTimeOffset now, DateOnly day)
    {
        foreach (var e in _retry)
        {
            _dirty[e] = true;
        }

        _retry.Clear();
        if (_rules is { } full && _executor.ExceedsTotalExposure(full.Stake, Portfolio))
        {
            Refuse(full);
            return;
        }

        var signals = _rules is { } rules ? Select(rules, now, day) : Generate(now, day);
        foreach (var signal in signals)
        {
            Signals++;
            var market = _byMarket[signal.MarketId];
            if (_executor.ExceedsTotalExposure(signal.Stake.Value, Portfolio))
            {
                Refused(RejectionReason.TotalExposureLimit, _eventIndex[market.Row.MarketId]);
                continue;
            }

            var (yesBook, noBook) = _books.Books(market.Yes, market.No, market.Row.ConditionId, market.LatestYesPrice!.Value, market.Tick, market.Row.MinOrderSize, now);
            var buysYes = signal.TokenId == market.Yes;
            var decision = _hook?.Refuse(signal, _step) is { } refused
                ? ExecutionDecision.Reject(refused)
                : _executor.Decide(signal, _quotes.Row(market).ToMarket(), buysYes ? yesBook : noBook, buysYes ? noBook : yesBook, Portfolio, now, _source);
            if (decision.IsTrade)
            {
                Record(decision.Trade, FillModel.Synthetic);
                _quotes.Requote(market, now.ToUnixTimeSeconds());
            }
            else
            {
                Refused(decision.Rejection.Reason, _eventIndex[market.Row.MarketId]);
            }
        }
    }

    /// <summary>A signal of event <paramref name="e"/> refused: counted, and its event asked again next step.</summary>
    private void Refused(RejectionReason reason, int e, int count = 1)
    {
        _rejections[reason] = _rejections.GetValueOrDefault(reason) + count;
        _retry.Add(e);
    }

    /// <summary>
    /// The step of a built-in strategy when no signal of it can be filled (<see cref="PaperExecutor.ExceedsTotalExposure"/>
    /// on its stake): per dirty event the signals <see cref="Select"/> would make are counted, refused for the total
    /// exposure limit, and their events asked again next step, as the signal path would, with no signal or book built.
    /// </summary>
    private void Refuse(IRuleStrategy rules)
    {
        for (var e = 0; e < _events.Length; e++)
        {
            if (_dirty[e])
            {
                _dirty[e] = false;
                var markets = _events[e];
                MarketEvaluations += markets.Length;
                if (EventSelection.Holding(Candidates(markets), new ReplayQuotes.Values(markets), rules, Portfolio) is > 0 and var holding)
                {
                    Signals += holding;
                    Refused(RejectionReason.TotalExposureLimit, e, holding);
                }
            }
        }
    }

    /// <summary>The event's markets that can be candidates now (<see cref="ReplayQuotes.Candidate"/>), in a buffer reused by each event.</summary>
    private Span<RuleCandidate> Candidates(ReplayMarket[] markets)
    {
        var count = 0;
        for (var i = 0; i < markets.Length; i++)
        {
            if (ReplayQuotes.Candidate(markets[i]))
            {
                _candidates[count++] = new RuleCandidate(markets[i].Row, i);
            }
        }

        return _candidates.AsSpan(0, count);
    }

    /// <summary>The built-in strategy's frame and rule on the dirty events, in event id order, the quotes read as values: the signals <see cref="Generate"/> would give.</summary>
    private List<Domain.Signals.Signal> Select(IRuleStrategy rules, DateTimeOffset now, DateOnly day)
    {
        _signals.Clear();
        for (var e = 0; e < _events.Length; e++)
        {
            if (!_dirty[e])
            {
                continue;
            }

            _dirty[e] = false;
            var markets = _events[e];
            MarketEvaluations += markets.Length;
            EventSelection.Select(Candidates(markets), new ReplayQuotes.Values(markets), rules, Portfolio, now, day, _signals);
        }

        return _signals;
    }

    /// <summary>The strategy asked through <see cref="IStrategy.Generate"/> on the markets of the dirty events (rows and quotes as of now).</summary>
    private IReadOnlyList<Domain.Signals.Signal> Generate(DateTimeOffset now, DateOnly day)
    {
        _context.Clear();
        for (var e = 0; e < _events.Length; e++)
        {
            if (_dirty[e])
            {
                _dirty[e] = false;
                foreach (var market in _events[e])
                {
                    _context.Add(_quotes.Row(market));
                }
            }
        }

        if (_context.Count == 0)
        {
            return [];
        }

        MarketEvaluations += _context.Count;
        var signals = _strategy.Generate(new StrategyContext(_context, _quotes.Tokens, Portfolio, now) { Day = day, ExplainSkips = false }).Signals;
        _context.Clear();
        return signals;
    }
}
