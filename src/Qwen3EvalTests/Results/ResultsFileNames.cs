using System.Globalization;

namespace Qwen3EvalTests.Results;

/// <summary>
/// The one naming scheme of results files: a stem, "-rN" for repeat N of several, ".json". <c>run</c> and <c>engines compare</c>
/// take the stem from the plan (<c>EvaluationPlan.ResultsFileStem</c>), a suite case from its id.
/// </summary>
public static class ResultsFileNames
{
    /// <summary>"stem.json", or "stem-rN.json" for repeat N of several; a '/' in the stem is a folder.</summary>
    public static string Of(string stem, int? repeat)
    {
        ArgumentException.ThrowIfNullOrEmpty(stem);
        var name = stem.Replace('/', Path.DirectorySeparatorChar);
        return repeat is { } r ? string.Create(CultureInfo.InvariantCulture, $"{name}-r{r}.json") : name + ".json";
    }
}
