namespace Qwen3EvalTests.Benchmarks;

/// <summary>Opens the benchmarks of a data folder laid out as one subfolder per benchmark id, mmlu/, ceval/, cmmlu/ … (see data/sample).</summary>
public static class DataFolder
{
    public static IBenchmarkDataset Open(string dataDir, Benchmark benchmark)
    {
        if (!Directory.Exists(dataDir))
        {
            throw new EvalInputException("data folder not found: pass --data with a folder holding mmlu/, ceval/ and/or cmmlu/ (layout as in data/sample).", file: Path.GetFullPath(dataDir));
        }

        var root = Path.Combine(dataDir, benchmark.ToId());
        if (!Directory.Exists(root))
        {
            throw new EvalInputException($"no {benchmark.ToId()}/ folder in the data folder: expected {benchmark.ToId()}/{{{string.Join(",", BenchmarkFormat.Of(benchmark).Splits.Select(BenchmarkFormat.SplitFolder))}}}/ with its CSV files.", file: Path.GetFullPath(root));
        }

        return new CsvBenchmarkDataset(root, BenchmarkFormat.Of(benchmark));
    }

    /// <summary>The benchmarks present in <paramref name="dataDir"/>, every registered one (test benchmarks too) in registry order.</summary>
    public static IReadOnlyList<IBenchmarkDataset> OpenAll(string dataDir)
    {
        if (!Directory.Exists(dataDir))
        {
            throw new EvalInputException("data folder not found: pass --data with a folder holding mmlu/, ceval/ and/or cmmlu/ (layout as in data/sample).", file: Path.GetFullPath(dataDir));
        }

        var present = BenchmarkDefinitions.All.Where(d => Directory.Exists(Path.Combine(dataDir, d.Id))).Select(d => Open(dataDir, d.Benchmark)).ToList();
        return present.Count > 0
            ? present
            : throw new EvalInputException("the data folder holds none of mmlu/, ceval/, cmmlu/ (layout as in data/sample).", file: Path.GetFullPath(dataDir));
    }

    /// <summary>
    /// The shipped sample: sample-data/ beside the program (the CLI copies data/sample there), else
    /// data/sample in the repository that contains the running binaries.
    /// </summary>
    public static string SampleDirectory
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "sample-data");
            if (Directory.Exists(beside))
            {
                return beside;
            }

            if (RepositoryLayout.TryFindRoot(AppContext.BaseDirectory) is { } root && Directory.Exists(RepositoryLayout.Under(root, RepositoryLayout.SampleData)))
            {
                return RepositoryLayout.Under(root, RepositoryLayout.SampleData);
            }

            throw new EvalInputException("the shipped sample data was not found beside the program or in the repository; pass --data DIR.", file: beside);
        }
    }
}
