namespace Prescient.Sample.Universe;

/// <summary>Which events a listing walks: open ones, closed ones, or every event that exists.</summary>
internal enum ClosedFilter
{
    Open,
    Closed,
    Any,
}
