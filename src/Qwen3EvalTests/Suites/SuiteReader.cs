using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Comparison;
using Qwen3EvalTests.Models;
using YamlDotNet.RepresentationModel;

namespace Qwen3EvalTests.Suites;

/// <summary>
/// Reads one suite document into records, collecting every problem in <paramref name="problems"/> with its line;
/// where each model, benchmark entry and override starts is kept for the problems the expansion finds later.
/// </summary>
internal sealed partial class SuiteReader(BaselineCatalog catalog, InputProblemList problems)
{
    private readonly SuiteLines _lines = new();

    private static readonly string[] SuiteKeys =
        ["schemaVersion", "name", "family", "baseline", "models", "benchmarks", "tolerance", "allowKindMismatch", "overrides"];

    public EvalSuite? ReadSuite(YamlFields root, string file)
    {
        var before = problems.Count;
        root.RejectUnknownKeys(SuiteKeys);
        var version = root.Int("schemaVersion", required: true, $"schemaVersion: {SuiteLoader.SchemaVersion}");
        if (version is not null && version != SuiteLoader.SchemaVersion)
        {
            root.Problem("schemaVersion", $"unknown schemaVersion {version}; expected {SuiteLoader.SchemaVersion}.", root.Node("schemaVersion"));
        }

        var name = root.String("name", required: true, "the suite's name, e.g. qwen2");
        var family = root.String("family", required: true, "the model family, e.g. qwen2, qwen2.5, qwen3, tiny");
        var originId = root.String("baseline", required: false, "official, recorded or both");
        var origin = originId is null ? BaselineOrigin.Official
            : BaselineOrigins.TryParse(originId, out var parsedOrigin) ? parsedOrigin
            : Invalid(root, "baseline", $"'{originId}' is not a baseline origin; expected official (the published number ± tolerance), " +
                "recorded (no answer flips against the suite's accepted run in baselines/runs/) or both.", BaselineOrigin.Official);
        var allowKindMismatch = root.Bool("allowKindMismatch", required: false) ?? false;
        var tolerance = ReadTolerance(root);
        var models = ReadModels(root);
        var benchmarks = ReadBenchmarks(root, origin);
        var overrides = ReadOverrides(root);

        // Cases are expanded even when the header is bad, so their problems are reported in the same pass.
        var suite = new EvalSuite(
            SuiteLoader.SchemaVersion, name ?? "", family ?? "", file, origin, models, benchmarks, tolerance ?? new Tolerance(1.0, true), allowKindMismatch, overrides, Cases: []);
        var cases = new SuiteCaseExpander(catalog, problems, _lines).Expand(suite);
        return problems.Count == before ? suite with { Cases = cases } : null;
    }

    internal static T Invalid<T>(YamlFields fields, string key, string message, T fallback)
    {
        fields.Problem(key, message, fields.Node(key));
        return fallback;
    }

    private Tolerance? ReadTolerance(YamlFields root)
    {
        var map = root.Map("tolerance", required: true, "{points: 1.0, widenToInterval: true}");
        if (map is null)
        {
            return null;
        }

        var fields = new YamlFields(map, "tolerance", problems);
        fields.RejectUnknownKeys("points", "widenToInterval");
        var points = fields.Double("points", required: true, "a positive number of percentage points, e.g. 1.0");
        var widen = fields.Bool("widenToInterval", required: false) ?? true;
        return points is null ? null : new Tolerance(points.Value, widen);
    }

    private List<SuiteModel> ReadModels(YamlFields root)
    {
        var models = new List<SuiteModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fields in root.Entries("models", required: true, "{id, kind, folder, huggingFace}"))
        {
            fields.RejectUnknownKeys("id", "kind", "folder", "huggingFace", "generated", "modes", "benchmarks");
            var id = fields.String("id", required: true, "the model id, e.g. qwen2-1.5b-base");
            if (id is not null && !seen.Add(id))
            {
                fields.Problem("id", $"duplicate model id '{id}'; expected each model once (list several modes under modes:).", fields.Node("id"));
            }

            var kind = ReadKind(fields, "kind", required: true);
            var folder = fields.String("folder", required: true, "the model's folder name under the models directory");
            var hf = fields.String("huggingFace", required: false, "the Hugging Face id, e.g. Qwen/Qwen2-1.5B");
            var generated = ReadGenerated(fields);
            var modes = ReadStrings(fields, "modes", "a list such as [non-thinking, thinking]")?.Select(m => (string?)m).ToList();
            foreach (var mode in modes ?? [])
            {
                if (!ThinkingModes.TryParse(mode, out _))
                {
                    fields.Problem("modes", $"unknown mode '{mode}'; expected thinking or non-thinking.", fields.Node("modes"));
                }
            }

            var benchmarks = ReadBenchmarkNames(fields);
            if (id is not null && kind is not null && folder is not null)
            {
                var model = new SuiteModel(id, kind.Value, folder, hf, generated, modes is { Count: > 0 } ? modes : [null], benchmarks);
                _lines.Models[model] = fields.Line;
                models.Add(model);
            }
        }

        return models;
    }

    private GeneratedModel? ReadGenerated(YamlFields model)
    {
        var map = model.Map("generated", required: false, "{seed, tokenizer, plantedAnswer}");
        if (map is null)
        {
            return null;
        }

        var fields = new YamlFields(map, model.At("generated"), problems);
        fields.RejectUnknownKeys("seed", "tokenizer", "plantedAnswer");
        var seed = fields.Int("seed", required: true, "a non-negative integer seed", min: 0);
        var tokenizer = fields.String("tokenizer", required: true, "bytes or qwen3");
        if (tokenizer is not null and not ("bytes" or "qwen3"))
        {
            fields.Problem("tokenizer", $"unknown tokenizer '{tokenizer}'; expected bytes or qwen3.", fields.Node("tokenizer"));
        }

        var planted = fields.String("plantedAnswer", required: false, "one of A, B, C, D");
        if (planted is not null and not ("A" or "B" or "C" or "D"))
        {
            fields.Problem("plantedAnswer", $"'{planted}' is not an answer letter; expected A, B, C or D.", fields.Node("plantedAnswer"));
        }

        return seed is null || tokenizer is null ? null : new GeneratedModel(seed.Value, tokenizer, planted);
    }

    private static ModelKind? ReadKind(YamlFields fields, string key, bool required)
    {
        var id = fields.String(key, required, "base or instruct");
        if (id is null)
        {
            return null;
        }

        if (ModelKinds.TryParse(id, out var kind))
        {
            return kind;
        }

        fields.Problem(key, $"'{id}' is not a model kind; expected base or instruct.", fields.Node(key));
        return null;
    }

    private static List<string>? ReadStrings(YamlFields fields, string key, string expected)
    {
        var sequence = fields.Sequence(key, required: false, expected);
        if (sequence is null)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value })
            {
                values.Add(value);
            }
            else
            {
                fields.Problem(key, $"list item is not a plain value; expected {expected}.", item);
            }
        }

        return values;
    }

    private static List<Benchmark>? ReadBenchmarkNames(YamlFields fields)
    {
        var names = ReadStrings(fields, "benchmarks", "a list of benchmark names such as [mmlu, ceval]");
        if (names is null)
        {
            return null;
        }

        var benchmarks = new List<Benchmark>();
        foreach (var name in names)
        {
            if (BenchmarkIds.TryParse(name, out var benchmark))
            {
                benchmarks.Add(benchmark);
            }
            else
            {
                fields.Problem("benchmarks", $"unknown benchmark '{name}'; expected one of {string.Join(", ", BenchmarkDefinitions.Ids)}.", fields.Node("benchmarks"));
            }
        }

        return benchmarks;
    }
}
