using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// The cases <c>baseline record</c> runs: those of the suites gated on recorded runs, narrowed by --suite and --case, each checked
/// — the case exists, its model folder is there — before the first model loads; every problem is reported together.
/// </summary>
public static class BaselineRecordSelection
{
    public static IReadOnlyList<(EvalSuite Suite, SuiteCase Case)> Select(string repo, BaselineRecordRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var suitesFolder = Path.Combine(repo, SuiteLoader.RelativeDirectory);
        var suites = SuiteLoader.LoadAll(suitesFolder, BaselineCatalogLocation.ForSuitesIn(repo))
            .Where(s => s.Baseline != BaselineOrigin.Official && (request.Suite is null || s.Name == request.Suite))
            .ToList();
        if (suites.Count == 0)
        {
            throw new EvalInputException(
                $"no suite with baseline: recorded or both{(request.Suite is null ? "" : $" named '{request.Suite}'")} in {SuiteLoader.RelativeDirectory}/; " +
                "give a suite baseline: recorded (or both) to gate a model on its own accepted run.", file: suitesFolder, field: "--suite");
        }

        var cases = suites.SelectMany(s => s.Cases.Select(c => (Suite: s, Case: c))).ToList();
        if (request.Case is { } wanted)
        {
            cases = cases.Where(c => c.Case.Id == wanted || c.Case.DisplayName == wanted).ToList();
            if (cases.Count == 0)
            {
                var ids = suites.SelectMany(s => s.Cases).Select(c => c.Id);
                throw new EvalInputException(
                    $"no case '{wanted}' in {(request.Suite is null ? "the recorded suites" : $"suite {request.Suite}")}; expected a case id or display name, one of: {string.Join(", ", ids)}.",
                    file: suitesFolder, field: "--case");
            }
        }

        var problems = new InputProblemList("qwen3eval baseline record");
        foreach (var (suite, suiteCase) in cases)
        {
            var model = suite.Models.Single(m => m.Id == suiteCase.ModelId);
            if (model.Generated is not null)
            {
                continue;
            }

            if (suite.Baseline == BaselineOrigin.Both && request.DataFolder is null)
            {
                problems.Add("--data", $"case {suiteCase.Id} has baseline: both: its official number is compared on the full benchmark data, so the gate runs it on EvalDataDir; " +
                    "pass --data DIR (the same folder) so the recording holds the same questions.");
            }

            if (request.Endpoint is not null)
            {
                continue;
            }

            if (request.ModelsFolder is null)
            {
                problems.Add("--models", $"case {suiteCase.Id} runs the model folder '{model.Folder}'; pass --models DIR (the folder that holds it, as the gate's EvalModelsDir), or --endpoint URL for a served model.");
            }
            else if (!File.Exists(Path.Combine(request.ModelsFolder, model.Folder, "genai_config.json")))
            {
                problems.Add("--models", $"case {suiteCase.Id}: model folder {Path.GetFullPath(Path.Combine(request.ModelsFolder, model.Folder))} not found (no genai_config.json); export {model.HuggingFace ?? model.Id} there, or point --models at the folder that holds '{model.Folder}'.");
            }
        }

        if (cases.FirstOrDefault(c => c.Case.Repeats > 1) is { Case: { } repeated })
        {
            problems.Add("repeats", $"case {repeated.Id} has repeats: {repeated.Repeats}; a recording holds one run's answers, so record cases without repeats (nothing was run).");
        }

        problems.ThrowIfAny("what to record");
        return cases;
    }
}
