using Qwen3EvalTests.Baselines;
using Qwen3EvalTests.Benchmarks;
using Qwen3EvalTests.Models;
using Qwen3EvalTests.Prompts;
using Qwen3EvalTests.Suites;

namespace Qwen3EvalTests.Cli.Listing;

/// <summary>What exists, as <c>qwen3eval ls</c> shows it, read from the registries, the suite files and the baseline catalogue.</summary>
public static class Listings
{
    public const int FormatVersion = 1;

    /// <summary>The catalogue that comes with qwen3eval (copied beside the program), for use outside a repository.</summary>
    public static string ShippedBaselines => Path.Combine(AppContext.BaseDirectory, BaselineCatalogLocation.ShippedRelativePath);

    public static ProtocolList Protocols() => new(FormatVersion, [.. PromptProtocols.All.Select(p =>
    {
        var at = p.Name.IndexOf('@', StringComparison.Ordinal);
        return new ProtocolEntry(
            p.Name,
            at < 0 ? p.Name : p.Name[..at],
            at < 0 ? null : p.Name[(at + 1)..],
            [.. BenchmarkDefinitions.All.Where(b => p.Renders(b.Benchmark, chat: false)).Select(b => b.Id)],
            [.. BenchmarkDefinitions.All.Where(b => p.Renders(b.Benchmark, chat: true)).Select(b => b.Id)],
            p.TemplateFingerprint);
    })]);

    public static BenchmarkList Benchmarks() => new(FormatVersion, [.. BenchmarkDefinitions.All.Select(b => new BenchmarkEntry(
        b.Id,
        b.Aliases,
        b.Format.OptionCount,
        new string([.. b.Letters]),
        [.. b.Format.Splits.Select(BenchmarkFormat.SplitFolder)],
        BenchmarkFormat.SplitFolder(b.ScoredSplit),
        b.Format.Headers.Count > 0,
        b.IsOfficial,
        [.. PromptProtocols.All.Where(p => p.Renders(b.Benchmark, chat: false)).Select(p => p.Name)]))]);

    /// <summary>
    /// The suites of <paramref name="repository"/>'s evalsuites/ when given; else of the current folder's own evalsuites/
    /// (a project that uses the harness, or the repository's root); else of the repository above
    /// <paramref name="currentFolder"/>; validated against the catalogue beside them (else the one
    /// <see cref="BaselineCatalogLocation"/> finds).
    /// </summary>
    /// <exception cref="EvalInputException">No evalsuites/ folder, or a suite file or the catalogue is invalid.</exception>
    public static SuiteList Suites(string? repository, string currentFolder)
    {
        var root = repository
            ?? (Directory.Exists(RepositoryLayout.Under(currentFolder, RepositoryLayout.Suites)) ? currentFolder : RepositoryLayout.TryFindRoot(currentFolder) ?? currentFolder);
        var folder = RepositoryLayout.Under(root, RepositoryLayout.Suites);
        if (!Directory.Exists(folder))
        {
            throw new EvalInputException($"no {RepositoryLayout.Suites}/ folder here; run from a repository or a project with {RepositoryLayout.Suites}/, or pass --repo with the folder that holds it.", file: folder, field: "--repo");
        }

        var own = RepositoryLayout.Under(root, RepositoryLayout.OfficialBaselines);
        var catalog = BaselineCatalogLocation.Load(File.Exists(own) ? own : null, currentFolder)
            ?? throw new EvalInputException($"no baseline catalogue to check the suites against: none beside {folder} and no copy beside the program.", file: own);
        return new SuiteList(FormatVersion, folder, [.. SuiteLoader.LoadAll(folder, catalog).Select(s => new SuiteEntry(
            s.Name,
            s.Family,
            s.File,
            s.Baseline.ToString().ToLowerInvariant(),
            [.. s.Models.Select(m => m.Id)],
            [.. s.Benchmarks.Select(b => b.Benchmark.ToId()).Distinct()],
            s.Cases.Count,
            s.Tolerance.Points,
            s.Tolerance.WidenToInterval))]);
    }

    /// <summary>
    /// The catalogue of <paramref name="repository"/> when given; else where <see cref="BaselineCatalogLocation"/> finds it
    /// (the repository above <paramref name="currentFolder"/>, else the copy shipped with qwen3eval, extended by the current
    /// folder's own baselines/official.json).
    /// </summary>
    /// <exception cref="EvalInputException">The catalogue is missing or invalid.</exception>
    public static BaselineList Baselines(string? repository, string currentFolder)
    {
        var catalog = BaselineCatalogLocation.Load(repository is null ? null : RepositoryLayout.Under(repository, RepositoryLayout.OfficialBaselines), currentFolder)
            ?? throw new EvalInputException($"no baseline catalogue: not in a repository and no copy beside the program; pass --repo with the folder that holds {RepositoryLayout.OfficialBaselines}.", file: ShippedBaselines, field: "--repo");
        var origin = string.Equals(Path.GetFullPath(catalog.File), Path.GetFullPath(ShippedBaselines), StringComparison.Ordinal) ? "shipped" : "repository";
        return new BaselineList(FormatVersion, catalog.File, origin, [.. catalog.All.Select(b => new BaselineEntry(
            b.Id, b.ModelId, b.Kind.ToId(), b.Benchmark.ToId(), b.Mode, b.Score, b.Shots, b.Protocol, b.Tolerance, b.Gate, b.Status, b.Source))]);
    }
}
