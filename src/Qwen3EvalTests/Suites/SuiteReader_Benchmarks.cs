using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Scoring;
using YamlDotNet.RepresentationModel;

namespace Qwen3EvalTests.Suites;

internal sealed partial class SuiteReader
{
    private List<SuiteBenchmark> ReadBenchmarks(YamlFields root, BaselineOrigin origin)
    {
        var benchmarks = new List<SuiteBenchmark>();
        foreach (var fields in root.Entries("benchmarks", required: true, "{name, protocol, shots, scoring, chat}"))
        {
            fields.RejectUnknownKeys("name", "kind", "protocol", "shots", "scoring", "chat", "limit", "repeats");
            var name = fields.String("name", required: true, "mmlu, ceval or cmmlu");
            Benchmark benchmark = default;
            var known = name is not null && BenchmarkIds.TryParse(name, out benchmark);
            if (name is not null && !known)
            {
                fields.Problem("name", $"unknown benchmark '{name}'; expected one of {string.Join(", ", BenchmarkDefinitions.Ids)}.", fields.Node("name"));
            }

            var kind = ReadKind(fields, "kind", required: false);
            var protocol = fields.String("protocol", required: true, string.Join(", ", PromptProtocols.Names));
            if (protocol is not null && !PromptProtocols.IsKnown(protocol))
            {
                fields.Problem("protocol", $"unknown protocol '{protocol}'; expected one of {string.Join(", ", PromptProtocols.Names)}.", fields.Node("protocol"));
            }

            var shots = fields.Int("shots", required: true, "0 or more few-shot examples", min: 0);
            var scoringId = fields.String("scoring", required: true, ScorerKinds.Expected);
            ScorerKind? scoring = scoringId is null ? null
                : ScorerKinds.TryParse(scoringId, out var parsed) ? parsed
                : Invalid(fields, "scoring", $"'{scoringId}' is not a scorer; expected one of {ScorerKinds.Expected}.", (ScorerKind?)null);
            var chat = fields.Bool("chat", required: true);
            var limit = fields.Int("limit", required: false, "a positive number of questions per subject", min: 1);
            var repeats = fields.Int("repeats", required: false, "a positive number of runs per case", min: 1);
            if (repeats > 1 && scoring is { } scorer && scorer != ScorerKind.GenerateAndExtract)
            {
                fields.Problem("repeats", $"repeats: {repeats} repeats a deterministic case: {ScorerKinds.ToId(scorer)} scoring gives the same answers every run; " +
                    "repeats are for sampled generation (scoring: generation with thinking modes). Remove repeats, or use `qwen3eval run --repeats N` for a determinism check.", fields.Node("repeats"));
            }
            else if (repeats > 1 && origin != BaselineOrigin.Official)
            {
                fields.Problem("repeats", $"repeats: {repeats} in a suite with baseline: {origin.ToId()}; a recorded run holds one run's answers, so the drift gate compares one run. " +
                    "Remove repeats from this entry, or gate it in a suite with baseline: official.", fields.Node("repeats"));
            }

            if (known && (kind is not null || fields.Node("kind") is null) && protocol is not null && PromptProtocols.IsKnown(protocol)
                && shots is not null && scoring is not null && chat is not null)
            {
                // What the protocol allows for this benchmark and form is decided in one place: ProtocolSettings.
                foreach (var (field, message) in PromptProtocols.Get(protocol).Settings(benchmark, chat.Value).Disallowed(scoring, shots))
                {
                    fields.Problem(field, message, fields.Node(field));
                }

                var entry = new SuiteBenchmark(benchmark, kind, protocol, shots.Value, scoring.Value, chat.Value, limit, repeats ?? 1);
                if (benchmarks.Any(b => b.Benchmark == entry.Benchmark && b.Kind == entry.Kind))
                {
                    fields.Problem("name", $"benchmark '{name}' is listed twice for {(kind?.ToString().ToLowerInvariant() ?? "all kinds")}; expected one entry per benchmark and kind.", fields.Node("name"));
                }

                _lines.Benchmarks[entry] = fields.Line;
                benchmarks.Add(entry);
            }
        }

        return benchmarks;
    }

    private List<SuiteOverride> ReadOverrides(YamlFields root)
    {
        var overrides = new List<SuiteOverride>();
        foreach (var fields in root.Entries("overrides", required: false, "{model, benchmark, tolerance, shots, limit, reason}"))
        {
            fields.RejectUnknownKeys("model", "benchmark", "tolerance", "shots", "limit", "reason");
            var model = fields.String("model", required: true, "the id of a model of this suite");
            var name = fields.String("benchmark", required: true, "mmlu, ceval or cmmlu");
            Benchmark benchmark = default;
            if (name is not null && !BenchmarkIds.TryParse(name, out benchmark))
            {
                fields.Problem("benchmark", $"unknown benchmark '{name}'; expected one of {string.Join(", ", BenchmarkDefinitions.Ids)}.", fields.Node("benchmark"));
                name = null;
            }

            var tolerance = fields.Double("tolerance", required: false, "a positive number of points");
            var shots = fields.Int("shots", required: false, "0 or more few-shot examples", min: 0);
            var limit = fields.Int("limit", required: false, "a positive number of questions per subject", min: 1);
            var reason = fields.String("reason", required: true, "why this case differs from the suite");
            if (model is not null && name is not null)
            {
                var entry = new SuiteOverride(model, benchmark, tolerance, shots, limit, reason);
                _lines.Overrides[entry] = fields.Line;
                overrides.Add(entry);
            }
        }

        return overrides;
    }
}
