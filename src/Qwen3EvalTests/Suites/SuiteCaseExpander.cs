using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;

namespace Qwen3EvalTests.Suites;

/// <summary>
/// Expands a read suite to its cases — model × benchmark entry × thinking mode, with overrides applied — and checks each
/// against the baseline catalogue and the model kinds, reporting problems at the lines <see cref="SuiteReader"/> kept.
/// </summary>
internal sealed class SuiteCaseExpander(BaselineCatalog catalog, InputProblemList problems, SuiteLines lines)
{
    public List<SuiteCase> Expand(EvalSuite suite)
    {
        var modelIds = suite.Models.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < suite.Overrides.Count; i++)
        {
            var o = suite.Overrides[i];
            if (!modelIds.Contains(o.ModelId))
            {
                problems.Add($"overrides[{i}].model", $"unknown model id '{o.ModelId}'; expected one of the suite's models: {string.Join(", ", modelIds)}.", lines.Of(o));
            }
        }

        var cases = new List<SuiteCase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var model in suite.Models)
        {
            foreach (var wanted in model.Benchmarks ?? [])
            {
                if (!suite.Benchmarks.Any(b => b.Benchmark == wanted && (b.Kind is null || b.Kind == model.Kind)))
                {
                    problems.Add($"models[{model.Id}].benchmarks", $"benchmark '{wanted.ToId()}' has no entry under benchmarks: for {Kind(model.Kind)} models; add one or remove it from the model.", lines.Of(model));
                }
            }

            foreach (var entry in suite.Benchmarks.Where(b => Applies(b, model)))
            {
                foreach (var mode in model.Modes)
                {
                    var made = MakeCase(suite, model, entry, mode);
                    if (made is null)
                    {
                        continue;
                    }

                    if (!seen.Add(made.Id))
                    {
                        problems.Add($"models[{model.Id}]", $"duplicate case {made.DisplayName}: two benchmark entries apply to this model; give them kind: base / kind: instruct.", lines.Of(entry));
                        continue;
                    }

                    cases.Add(made);
                }
            }
        }

        return cases;
    }

    private static bool Applies(SuiteBenchmark entry, SuiteModel model) =>
        (entry.Kind is null || entry.Kind == model.Kind)
        && (model.Benchmarks is null || model.Benchmarks.Contains(entry.Benchmark));

    private SuiteCase? MakeCase(EvalSuite suite, SuiteModel model, SuiteBenchmark entry, string? mode)
    {
        var where = $"models[{model.Id}] × benchmarks[{entry.Benchmark.ToId()}]";
        var ok = true;
        var over = suite.Overrides.FirstOrDefault(o => o.ModelId == model.Id && o.Benchmark == entry.Benchmark);
        var shots = over?.Shots ?? entry.Shots;
        var tolerance = suite.Tolerance with { Points = over?.TolerancePoints ?? suite.Tolerance.Points };

        if (!suite.AllowKindMismatch && model.Kind == ModelKind.Base && entry.Chat)
        {
            problems.Add(where, $"model '{model.Id}' is a base model but {entry.Benchmark.ToId()} is run with chat: true; base models have no chat template. " +
                "Fix: use chat: false with the protocol's base scoring (qwen: next-token, lm-eval: loglikelihood, opencompass: perplexity) for base models (or add kind: instruct to this benchmark entry), or set allowKindMismatch: true if this is on purpose.", lines.Of(entry));
            ok = false;
        }

        if (!suite.AllowKindMismatch && model.Kind == ModelKind.Instruct && !entry.Chat)
        {
            problems.Add(where, $"model '{model.Id}' is an instruct model but {entry.Benchmark.ToId()} is run as plain completion (chat: false). " +
                "Fix: use chat: true with scoring: generation for instruct models (or add kind: base to this benchmark entry), or set allowKindMismatch: true if this is on purpose.", lines.Of(entry));
            ok = false;
        }

        var recording = SuiteLoader.RecordedRunPath(suite.Name, model.Id, entry.Benchmark);
        BaselineReference reference;
        if (suite.Baseline == BaselineOrigin.Recorded)
        {
            reference = new BaselineReference(BaselineOrigin.Recorded, recording);
        }
        else
        {
            var baseline = catalog.Find(model.Id, entry.Benchmark, mode);
            if (baseline is null)
            {
                var modeText = mode is null ? "" : $" ({mode})";
                var fix = suite.Baseline == BaselineOrigin.Both
                    ? "baseline: both compares with an official number as well as the recorded run: add the number with its source to your own baselines/official.json, " +
                      "or use baseline: recorded to gate on the recorded run alone."
                    : "remove the case (list the model's benchmarks:) or add the published number with its source.";
                problems.Add(where, $"no official baseline for {model.Id} / {entry.Benchmark.ToId()}{modeText} in {BaselineCatalog.RelativePath}; {fix}", lines.Of(model));
                ok = false;
                reference = new BaselineReference(suite.Baseline, "");
            }
            else
            {
                reference = suite.Baseline == BaselineOrigin.Both
                    ? BaselineReference.Both(baseline.Id, recording)
                    : new BaselineReference(BaselineOrigin.Official, baseline.Id);
                if (baseline.Kind != model.Kind)
                {
                    problems.Add($"models[{model.Id}].kind", $"kind {Kind(model.Kind)} disagrees with baseline {baseline.Id} ({Kind(baseline.Kind)}); expected the same kind.", lines.Of(model));
                    ok = false;
                }
            }
        }

        return ok
            ? new SuiteCase(suite.Name, model.Id, model.Kind, model.Folder, entry.Benchmark, mode, entry.Protocol, shots, entry.Scoring,
                entry.Chat, over?.Limit ?? entry.Limit, tolerance, reference, entry.Repeats)
            : null;
    }

    private static string Kind(ModelKind kind) => kind == ModelKind.Base ? "base" : "instruct";
}
