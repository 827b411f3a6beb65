namespace Qwen3EvalTests.Cli.Listing;

// The JSON shapes of `qwen3eval ls … --json` (CliJsonContext, camelCase). Each list carries formatVersion; a field is added,
// never renamed or removed, within one version.

/// <summary><c>ls protocols --json</c>: every prompt protocol and named variant <c>--protocol</c> accepts.</summary>
public sealed record ProtocolList(int FormatVersion, IReadOnlyList<ProtocolEntry> Protocols);

/// <param name="Name">What <c>--protocol</c> takes: "lm-eval@0.4.3".</param>
/// <param name="Family">The reference harness: "qwen", "lm-eval" or "opencompass".</param>
/// <param name="Variant">The part after '@' ("0.4.3"), null for the family's default.</param>
/// <param name="Benchmarks">Benchmark ids it renders in the base (completion) form.</param>
/// <param name="ChatBenchmarks">Benchmark ids it renders in the chat form.</param>
/// <param name="TemplateFingerprint">SHA-256 of its template strings (recorded in every results file).</param>
public sealed record ProtocolEntry(string Name, string Family, string? Variant, IReadOnlyList<string> Benchmarks, IReadOnlyList<string> ChatBenchmarks, string TemplateFingerprint);

/// <summary><c>ls benchmarks --json</c>: every benchmark <c>--benchmark</c> accepts.</summary>
public sealed record BenchmarkList(int FormatVersion, IReadOnlyList<BenchmarkEntry> Benchmarks);

/// <param name="Id">What <c>--benchmark</c> takes and the data subfolder: "mmlu".</param>
/// <param name="Aliases">Other spellings accepted ("c-eval").</param>
/// <param name="Options">Options per question (4: A–D).</param>
/// <param name="Letters">The answer letters, "ABCD".</param>
/// <param name="Splits">The splits of its data folder.</param>
/// <param name="ScoredSplit">The split scored ("val" for C-Eval, whose test answers are withheld).</param>
/// <param name="HasHeader">Whether its CSV files start with a header row (MMLU's do not).</param>
/// <param name="Official">A published benchmark run by default; false for test benchmarks such as mmlu5-fixture.</param>
/// <param name="Protocols">The protocols that render it in the base form.</param>
public sealed record BenchmarkEntry(string Id, IReadOnlyList<string> Aliases, int Options, string Letters, IReadOnlyList<string> Splits, string ScoredSplit, bool HasHeader, bool Official, IReadOnlyList<string> Protocols);

/// <summary><c>ls suites --json</c>: the suites of a repository's evalsuites/.</summary>
/// <param name="Folder">The evalsuites/ folder read.</param>
public sealed record SuiteList(int FormatVersion, string Folder, IReadOnlyList<SuiteEntry> Suites);

/// <param name="Name">The suite's name (<c>baseline record --suite</c> takes it).</param>
/// <param name="Family">The model family.</param>
/// <param name="File">The suite file.</param>
/// <param name="Baseline">"official" (published numbers) or "recorded" (runs in baselines/runs/).</param>
/// <param name="Models">Model ids.</param>
/// <param name="Benchmarks">Benchmark ids.</param>
/// <param name="Cases">Cases it expands to.</param>
/// <param name="TolerancePoints">Its tolerance in points.</param>
/// <param name="WidenToInterval">Whether the tolerance widens to the 95 % interval.</param>
public sealed record SuiteEntry(string Name, string Family, string File, string Baseline, IReadOnlyList<string> Models, IReadOnlyList<string> Benchmarks, int Cases, double TolerancePoints, bool WidenToInterval);

/// <summary><c>ls baselines --json</c>: every entry of a baseline catalogue.</summary>
/// <param name="File">The catalogue read.</param>
/// <param name="Origin">"repository" (its baselines/official.json) or "shipped" (the copy that comes with qwen3eval).</param>
public sealed record BaselineList(int FormatVersion, string File, string Origin, IReadOnlyList<BaselineEntry> Baselines);

/// <param name="Id">The entry's id ("qwen2-1.5b-base/mmlu").</param>
/// <param name="ModelId">The model id suites use.</param>
/// <param name="Kind">"base" or "instruct".</param>
/// <param name="Benchmark">Benchmark id.</param>
/// <param name="Mode">"thinking"/"non-thinking" for hybrid models, else null.</param>
/// <param name="Score">Accuracy in percent.</param>
/// <param name="Shots">Shots as stated by the source, null when not stated.</param>
/// <param name="Protocol">The protocol when known, else null.</param>
/// <param name="Tolerance">Default tolerance in points.</param>
/// <param name="Gate">Whether the gate asserts against it (false for re-reports and third-party numbers).</param>
/// <param name="Status">Verification status ("V", "3P", …).</param>
/// <param name="Source">Citation.</param>
public sealed record BaselineEntry(string Id, string ModelId, string Kind, string Benchmark, string? Mode, double Score, int? Shots, string? Protocol, double Tolerance, bool Gate, string Status, string Source);
