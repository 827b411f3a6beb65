using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;

namespace Qwen3EvalTests.Baselines;

public sealed partial class BaselineCatalog
{
    private static (IReadOnlyDictionary<string, BaselineSource> Sources, IReadOnlyList<Baseline> Baselines) Validate(
        BaselineFileDto dto, InputProblemList problems)
    {
        if (dto.SchemaVersion != SchemaVersion)
        {
            var found = dto.SchemaVersion is null ? "missing" : dto.SchemaVersion.ToString();
            problems.Add("$.schemaVersion", $"unknown schemaVersion ({found}); expected {SchemaVersion}.");
        }

        var sources = new Dictionary<string, BaselineSource>(StringComparer.Ordinal);
        if (dto.Sources is null || dto.Sources.Count == 0)
        {
            problems.Add("$.sources", "missing; expected an object mapping source ids (\"S1\", ...) to {title, where}.");
        }
        else
        {
            foreach (var (id, source) in dto.Sources)
            {
                if (string.IsNullOrWhiteSpace(source?.Title) || string.IsNullOrWhiteSpace(source.Where))
                {
                    problems.Add($"$.sources.{id}", "missing title or where; expected both, saying what the document is and where it was read.");
                }

                sources[id] = new BaselineSource(id, source?.Title ?? "", source?.Where ?? "");
            }
        }

        var baselines = new List<Baseline>();
        if (dto.Baselines is null || dto.Baselines.Count == 0)
        {
            problems.Add("$.baselines", "missing or empty; expected an array of baseline entries.");
            return (sources, baselines);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < dto.Baselines.Count; i++)
        {
            var entry = ValidateEntry(dto.Baselines[i], i, sources, seen, problems);
            if (entry is not null)
            {
                baselines.Add(entry);
            }
        }

        foreach (var clash in baselines.Where(b => b.Gate).GroupBy(b => (b.ModelId, b.Benchmark, b.Mode)).Where(g => g.Count() > 1))
        {
            problems.Add(
                "$.baselines",
                $"{clash.Count()} gate entries for {clash.Key.ModelId} / {clash.Key.Benchmark.ToId()} / {clash.Key.Mode ?? "no mode"} ({string.Join(", ", clash.Select(b => b.Id))}); expected one, mark the others gate: false.");
        }

        return (sources, baselines);
    }

    private static Baseline? ValidateEntry(
        BaselineEntryDto? e, int index, Dictionary<string, BaselineSource> sources, HashSet<string> seen, InputProblemList problems)
    {
        var at = $"$.baselines[{index}]";
        if (e is null)
        {
            problems.Add(at, "null entry; expected an object.");
            return null;
        }

        if (!string.IsNullOrWhiteSpace(e.Id))
        {
            at += $" ({e.Id})";
        }

        var before = problems.Count;
        if (string.IsNullOrWhiteSpace(e.Id))
        {
            problems.Add(at + ".id", "missing; expected a unique id such as \"qwen2-1.5b-base/mmlu\".");
        }
        else if (!seen.Add(e.Id))
        {
            problems.Add(at + ".id", $"duplicate id '{e.Id}'; ids must be unique (add '@<reportedIn>' for a re-report).");
        }

        Require(e.Model, at + ".model", "the model name as the source writes it", problems);
        Require(e.ModelId, at + ".modelId", "the model id suites use, e.g. \"qwen2-1.5b-base\"", problems);

        var kind = e.Kind switch
        {
            "base" => ModelKind.Base,
            "instruct" => ModelKind.Instruct,
            _ => (ModelKind?)null,
        };
        if (kind is null)
        {
            problems.Add(at + ".kind", $"'{e.Kind}' is not a model kind; expected base or instruct.");
        }

        if (!BenchmarkIds.TryParse(e.Benchmark, out var benchmark))
        {
            problems.Add(at + ".benchmark", $"unknown benchmark '{e.Benchmark}'; expected one of {string.Join(", ", BenchmarkDefinitions.Ids)}.");
        }

        if (e.Mode is not null && !ThinkingModes.TryParse(e.Mode, out _))
        {
            problems.Add(at + ".mode", $"unknown mode '{e.Mode}'; expected thinking, non-thinking or null.");
        }

        if (e.Score is null)
        {
            problems.Add(at + ".score", "missing score; expected the published accuracy in percent.");
        }
        else if (e.Score is < 0 or > 100 || double.IsNaN(e.Score.Value))
        {
            problems.Add(at + ".score", $"score {e.Score} is outside 0-100; expected an accuracy in percent.");
        }

        if (e.Shots is < 0)
        {
            problems.Add(at + ".shots", $"{e.Shots} shots; expected 0 or more, or null when not stated.");
        }

        if (e.Protocol is not null && !PromptProtocols.IsKnown(e.Protocol))
        {
            problems.Add(at + ".protocol", $"unknown protocol '{e.Protocol}'; expected one of {string.Join(", ", PromptProtocols.Names)} or null when not stated.");
        }

        Require(e.ProtocolNote, at + ".protocolNote", "what is known about the protocol, or \"not stated by the source\"", problems);
        Require(e.SplitNote, at + ".splitNote", "what is known about the split, or \"not stated\"", problems);
        Require(e.Status, at + ".status", "V, V-t or 3P", problems);

        if (string.IsNullOrWhiteSpace(e.Source) || e.SourceIds is null || e.SourceIds.Count == 0)
        {
            problems.Add(at + ".source", "missing source; expected a citation (source) and the cited ids (sourceIds).");
        }
        else
        {
            foreach (var id in e.SourceIds.Where(id => !sources.ContainsKey(id)))
            {
                problems.Add(at + ".sourceIds", $"unknown source id '{id}'; expected one of {string.Join(", ", sources.Keys)}.");
            }
        }

        var gate = e.Gate ?? true;
        if (gate && e.Status is not null && e.Status.Contains("3P", StringComparison.Ordinal))
        {
            problems.Add(at + ".gate", "a third-party (3P) number cannot gate; expected gate: false.");
        }

        if (e.Tolerance is null or <= 0 || double.IsNaN(e.Tolerance.Value))
        {
            problems.Add(at + ".tolerance", $"tolerance {e.Tolerance?.ToString() ?? "missing"}; expected a positive number of points.");
        }

        Require(e.ToleranceNote, at + ".toleranceNote", "why this tolerance", problems);

        if (problems.Count != before)
        {
            return null;
        }

        return new Baseline(
            e.Id!, e.Model!, e.ModelId!, kind!.Value, benchmark, e.Mode, e.Score!.Value, e.Shots, e.Protocol, e.ProtocolNote!,
            e.Split, e.SplitNote!, e.Source!, [.. e.SourceIds!], e.Status!, e.ReportedIn, gate, e.Tolerance!.Value, e.ToleranceNote!, e.Note);
    }

    private static void Require(string? value, string where, string expected, InputProblemList problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(where, $"missing; expected {expected}.");
        }
    }
}
