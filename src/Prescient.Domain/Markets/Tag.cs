namespace Prescient.Domain.Markets;

/// <summary>A Gamma tag attached to an event (e.g. id "120", slug "finance", label "Finance").</summary>
public sealed record Tag(string Id, string? Slug, string? Label);
