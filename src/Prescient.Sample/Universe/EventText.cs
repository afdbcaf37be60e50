namespace Prescient.Sample.Universe;

/// <summary>The words of one event: title, description body, and per market question, group title and outcomes.</summary>
internal sealed record EventText(string Title, string Body, string[] Questions, string?[] GroupItemTitles, string[][] Outcomes);
