namespace Prescient.Sample.Universe;

/// <summary>What an event is about; decides its tags and the words of its title.</summary>
internal enum Topic
{
    Politics,
    Crypto,
    Finance,
    Culture,
    Science,
    Sports,
}
