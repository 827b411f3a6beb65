using System.CommandLine;
using Qwen3EvalTests.Application;
using Qwen3EvalTests.Application.Suites;
using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Inference.Engines;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Commands;

/// <summary>
/// <c>qwen3eval baseline record [--suite S] [--case C]</c>: runs the cases of the suites gated on recorded runs
/// (<c>baseline: recorded</c> or <c>both</c>: generated tiny models, a model folder, a served model) and writes each one's
/// per-question reference run to baselines/runs/&lt;suite&gt;/&lt;model&gt;/&lt;benchmark&gt;.json, which the drift gate compares every
/// later run with. Run it when a change of answers is intended (or to accept a new model), and commit the diff of baselines/runs/.
/// Every case is checked (suite, case, model folder) before the first model loads.
/// </summary>
public static class BaselineCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var root = new Option<string?>("--repo") { Description = "The folder holding evalsuites/ and baselines/. Default: the current folder when it holds evalsuites/, else the repository found above it." };
        var suiteName = new Option<string?>("--suite") { Description = "Only this suite (by name, e.g. tiny). Default: every suite with baseline: recorded or both." };
        var caseName = new Option<string?>("--case") { Description = "Only this case: its id (suite/model/benchmark[/mode]) or its display name." };
        var models = new Option<string?>("--models") { Description = "Folder holding the suites' model folders (the gate's EvalModelsDir)." };
        var data = new Option<string?>("--data") { Description = "Benchmark data for model-folder and served cases (the gate's EvalDataDir). Default: the shipped sample, as the gate without EvalDataDir." };
        var device = new Option<string>("--device") { Description = "cpu or cuda (the gate's EvalDevice).", DefaultValueFactory = _ => "cpu" };
        var endpoint = new Option<string?>("--endpoint") { Description = "Record on a served OpenAI-compatible engine at this URL (the gate's EvalEndpoint with EvalEngine=openai)." };
        var servedModel = new Option<string?>("--served-model") { Description = "The served model name (the gate's EvalServedModel). Default: the server's first model." };
        var record = new Command("record", "Run the cases gated on recorded runs and write baselines/runs/<suite>/<model>/<benchmark>.json.")
        {
            root, suiteName, caseName, models, data, device, endpoint, servedModel,
        };
        record.SetAction((parse, cancellationToken) =>
        {
            var problems = new InputProblemList("qwen3eval baseline record");
            var url = EndpointOption.Check(parse.GetValue(endpoint), wanted: parse.GetValue(endpoint) is not null, problems);
            problems.ThrowIfAny("the options");
            var request = new BaselineRecordRequest(
                parse.GetValue(root) ?? DefaultRepository(Directory.GetCurrentDirectory()),
                parse.GetValue(suiteName),
                parse.GetValue(caseName),
                parse.GetValue(models),
                parse.GetValue(data),
                parse.GetValue(device)!,
                url,
                parse.GetValue(servedModel));
            return Task.FromResult(Record(request, stdout, cancellationToken));
        });
        return new Command("baseline", "Recorded reference runs of the drift gate.") { record };
    }

    /// <summary>The current folder when it holds evalsuites/ (a consumer's repository), else the repository root above it.</summary>
    public static string DefaultRepository(string current) => RepositoryRoot.OfSuites(current);

    public static int Record(string repo, string? suiteName, TextWriter stdout, CancellationToken cancellationToken) =>
        Record(new BaselineRecordRequest(repo, suiteName, Case: null), stdout, cancellationToken);

    public static int Record(BaselineRecordRequest request, TextWriter stdout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        var repo = Path.GetFullPath(request.Repository);
        var baselines = RepositoryLayout.Under(repo, RepositoryLayout.Baselines);
        var selected = BaselineRecordSelection.Select(repo, request);

        using var runner = new SuiteCaseRunner(new SuiteRunSettings(
            ModelsFolder: request.ModelsFolder is null ? null : Path.GetFullPath(request.ModelsFolder),
            DataFolder: request.DataFolder is null ? null : Path.GetFullPath(request.DataFolder),
            SampleFolder: SampleFolder(repo),
            TinyModelsFolder: RepositoryLayout.Under(repo, RepositoryLayout.TinyModels),
            OutputFolder: Path.Combine(repo, "artifacts", "baseline-record"),
            request.Device,
            Served: request.Endpoint is { } url ? new EngineSpec(EngineKind.OpenAi, ModelFolder: null, url, ServedModel: request.ServedModel) : null));
        foreach (var (suite, suiteCase) in selected)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var run = runner.Run(suite, suiteCase, cancellationToken).Single();
            var path = RepositoryLayout.Under(baselines, suiteCase.Baseline.RecordingPath!);
            var generated = suite.Models.Single(m => m.Id == suiteCase.ModelId).Generated is not null;
            var dataName = generated || request.DataFolder is null ? "sample" : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(request.DataFolder)));
            SuiteCaseRunner.ToRecording(suiteCase, run, dataName).Write(path);
            stdout.WriteLine(FormattableString.Invariant($"{suiteCase.DisplayName}: {run.Summary.Accuracy * 100:F2}% of {run.Summary.Questions} → {Path.GetRelativePath(repo, path)}"));
        }

        return QwenEvalCli.ExitOk;
    }

    // The repository's data/sample when the folder is this repository; else the sample shipped with the program (a consumer's folder),
    // which is the one the gate package ships.
    private static string SampleFolder(string repo)
    {
        var own = RepositoryLayout.Under(repo, RepositoryLayout.SampleData);
        return Directory.Exists(own) ? own : DataFolder.SampleDirectory;
    }
}
