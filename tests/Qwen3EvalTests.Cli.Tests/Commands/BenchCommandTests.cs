using System.Text.Json;
using Qwen3EvalTests.Application.Bench;
using Qwen3EvalTests.Inference.Served;
using Qwen3EvalTests.Inference.TinyModels;
using Qwen3EvalTests.Tests;

namespace Qwen3EvalTests.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    private static readonly string[] RunFields = ["name", "prefilledTokens", "minimumTokens", "forwardSeconds", "harnessSeconds", "questionsPerSecond", "peakRssBytes", "rss"];

    /// <summary>Every run that scores questions (all but the floor), after <see cref="RunFields"/>.</summary>
    private static readonly string[] HarnessFields = ["gcPauseSeconds", "gcCollections"];

    private static readonly string[] RatioFields = ["reuseOverNaive", "harnessOverEngine", "engineOverFloor", "prefilledOverMinimum"];

    [Fact]
    public async Task JsonHasTheDocumentedShapeAndItsRunsAndRatiosAgree()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("questions", "intraOpThreads", "intraOpSpinning", "runs", "ratios", "glibcTunables");
        var questions = root.GetProperty("questions").GetInt32();
        questions.Should().BePositive();
        root.GetProperty("intraOpThreads").GetInt32().Should().Be(Environment.ProcessorCount, "the tiny model's genai_config.json sets no thread count");
        root.GetProperty("intraOpSpinning").GetBoolean().Should().BeFalse("nor a spinning policy");
        root.GetProperty("glibcTunables").GetString().Should().Be(Environment.GetEnvironmentVariable("GLIBC_TUNABLES"));
        run.Stderr.Should().NotContain("note:", "the byte model's logits rows are small enough to come from the heap");
        var runs = root.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        runs.Keys.Should().Equal("naive", "reuse", "floor");
        foreach (var (name, entry) in runs)
        {
            entry.EnumerateObject().Select(p => p.Name).Should().Equal(name == "floor" ? RunFields : [.. RunFields, .. HarnessFields], name);
            entry.GetProperty("peakRssBytes").GetInt64().Should().BePositive();
            entry.GetProperty("questionsPerSecond").GetDouble().Should().BePositive();
        }

        foreach (var name in new[] { "naive", "reuse" })
        {
            var gcPause = runs[name].GetProperty("gcPauseSeconds").GetDouble();
            gcPause.Should().BeInRange(0, runs[name].GetProperty("forwardSeconds").GetDouble() + runs[name].GetProperty("harnessSeconds").GetDouble(), "a pause happens within the run's wall time");
            runs[name].GetProperty("gcCollections").GetInt32().Should().BeGreaterThanOrEqualTo(0);
            var rss = runs[name].GetProperty("rss").EnumerateArray().ToList();
            rss.Should().ContainSingle("under 1,000 questions the only sample is the end's");
            rss[0].GetProperty("questions").GetInt32().Should().Be(questions);
            rss[0].EnumerateObject().Select(p => p.Name).Should().Equal("questions", "rssBytes", "managedHeapBytes", "managedCommittedBytes");
            rss[0].GetProperty("rssBytes").GetInt64().Should().BePositive();
            rss[0].GetProperty("managedCommittedBytes").GetInt64().Should().BeGreaterThanOrEqualTo(rss[0].GetProperty("managedHeapBytes").GetInt64(), "the GC commits at least what its heap holds");
        }

        runs["floor"].GetProperty("rss").GetArrayLength().Should().Be(0, "the floor replays forward calls, not questions");

        long Prefilled(string name) => runs[name].GetProperty("prefilledTokens").GetInt64();
        double Seconds(string name, string field) => runs[name].GetProperty(field).GetDouble();
        var minimum = runs["reuse"].GetProperty("minimumTokens").GetInt64();
        Prefilled("naive").Should().BeGreaterThan(Prefilled("reuse"), "5-shot prompts of one subject share their prefix");
        Prefilled("floor").Should().Be(Prefilled("reuse"), "the floor replays the reuse run's forward calls");
        Prefilled("reuse").Should().BeGreaterThanOrEqualTo(minimum);
        runs.Values.Select(r => r.GetProperty("minimumTokens").GetInt64()).Should().AllBeEquivalentTo(minimum);

        var ratios = root.GetProperty("ratios");
        ratios.EnumerateObject().Select(p => p.Name).Should().Equal(RatioFields, "RSS growth needs a run of at least 1,000 questions");
        ratios.GetProperty("reuseOverNaive").GetDouble().Should().BeApproximately((double)Prefilled("reuse") / Prefilled("naive"), 1e-9);
        ratios.GetProperty("prefilledOverMinimum").GetDouble().Should().BeApproximately((double)Prefilled("reuse") / minimum, 1e-9);
        ratios.GetProperty("harnessOverEngine").GetDouble().Should().BeApproximately(Seconds("reuse", "harnessSeconds") / Seconds("reuse", "forwardSeconds"), 1e-9);
        ratios.GetProperty("engineOverFloor").GetDouble().Should().BeApproximately(Seconds("reuse", "forwardSeconds") / Seconds("floor", "forwardSeconds"), 1e-9);
    }

    [Fact]
    public async Task LlamaCppOnAFolderWithoutModelGgufIsRefusedNamingTheFileAndTheFix()
    {
        // Planted tiny models get no model.gguf (llama.cpp's qwen3 has no output bias to plant a letter with).
        var planted = TinyModelCache.GetOrCreate(new TinyModelSpec(Seed: 7, PlantedAnswer: 'C'), Path.Combine(AppContext.BaseDirectory, "tiny-models"));

        var run = await CliRun.RunAsync("bench", "--model", planted, "--benchmark", "mmlu", "--engines", "genai,llamacpp");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(Path.Combine(planted, "model.gguf")).And.Contain("--model")
            .And.Contain("llamacpp in --engines reads model.gguf").And.Contain("convert_hf_to_gguf.py").And.Contain("leave llamacpp out of --engines");
    }

    [Fact]
    public void AMissingLlamaServerBinaryIsRefusedNamingTheScriptThatBuildsIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-llama-server-{Guid.NewGuid():N}", "llama-server");
        var model = TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), Path.Combine(AppContext.BaseDirectory, "tiny-models"));

        var parse = () => BenchEngineSelection.Parse("genai,llama-server", null, model, missing);

        parse.Should().Throw<EvalInputException>()
            .Which.Message.Should().Contain(missing).And.Contain("bash eng/llama-server.sh").And.Contain("QWEN3EVAL_LLAMA_SERVER").And.Contain("--engines");
    }

    /// <summary>Bad engine options: exit 2 before any model loads, naming the option and what it expects.</summary>
    [Theory]
    [InlineData("--engines genai,vllm", "--engines", "'vllm' is not an engine; expected genai, llamacpp, openai or llama-server")]
    [InlineData("--engines genai,openai", "--endpoint", "is required with openai in --engines")]
    [InlineData("--endpoint http://127.0.0.1:1", "--endpoint", "applies to the openai engine only; add openai to --engines")]
    [InlineData("--engines llamacpp", "--engines", "leaves out genai")]
    public async Task ABadEngineOptionIsRefusedNamingTheOption(string options, string option, string expected)
    {
        var run = await CliRun.RunAsync(["bench", "--model", TinyModel.Folder, "--benchmark", "mmlu", .. options.Split(' ')]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(option).And.Contain(expected);
    }

    [Fact]
    public async Task LlamaCppRunsOnTheSameQuestionsWithGenAisAnswers()
    {
        var model = TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), Path.Combine(AppContext.BaseDirectory, "tiny-models"));

        var run = await CliRun.RunAsync("bench", "--model", model, "--benchmark", "mmlu", "--limit", "2", "--engines", "genai,llamacpp", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        AssertEngineRuns(run, ["naive", "reuse", "floor", "llamacpp"]);
    }

    [Fact]
    public async Task LlamaCppAndLlamaServerAtOneTwoAndFourSlotsRunOnTheSameQuestionsWithGenAisAnswers()
    {
        var binary = LlamaServerProcess.BinaryPath;
        if (SkipRequirements.LlamaServer(binary) is { } reason)
        {
            Assert.Skip(reason);
        }

        var model = TinyModelCache.GetOrCreate(new TinyModelSpec(Export: TinyModelExport.Legacy), Path.Combine(AppContext.BaseDirectory, "tiny-models"));

        var run = await CliRun.RunAsync("bench", "--model", model, "--benchmark", "mmlu", "--limit", "2", "--engines", "genai,llamacpp,llama-server", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        var runs = AssertEngineRuns(run, ["naive", "reuse", "floor", "llamacpp", "llama-server-c1", "llama-server-c2", "llama-server-c4"]);
        foreach (var (name, slots) in new[] { ("llama-server-c1", 1), ("llama-server-c2", 2), ("llama-server-c4", 4) })
        {
            var served = runs[name];
            served.EnumerateObject().Select(p => p.Name).Should().Equal([.. RunFields, .. HarnessFields, .. ServedFields], name);
            served.GetProperty("slots").GetInt32().Should().Be(slots, $"{name} starts llama-server with -np {slots} and reads total_slots from /props");
            served.GetProperty("concurrency").GetInt32().Should().Be(slots);
            served.GetProperty("settings").GetString().Should().StartWith("llama.cpp server").And.Contain(slots == 1 ? "1 slot" : $"{slots} slots (-np {slots})");
            served.GetProperty("serverPeakRssBytes").GetInt64().Should().BePositive("the server's own VmHWM");
            served.GetProperty("prefilledTokens").GetInt64().Should().BePositive("llama.cpp's /metrics counts the prompt tokens it processed");
        }

        runs["llama-server-c1"].GetProperty("prefilledTokens").GetInt64().Should().BeGreaterThanOrEqualTo(runs["reuse"].GetProperty("minimumTokens").GetInt64(), "one slot is a one-sequence KV cache");
    }

    private static readonly string[] EngineFields = ["settings", "accuracy", "answersDifferentFromGenAi", "maxAbsLogLikelihoodDeltaFromGenAi"];

    private static readonly string[] ServedFields = ["settings", "slots", "concurrency", "serverPeakRssBytes", "accuracy", "answersDifferentFromGenAi", "maxAbsLogLikelihoodDeltaFromGenAi"];

    /// <summary>
    /// The runs are the ones named, in order; the GenAI runs keep their fields; every harness run scored the report's
    /// questions (its last RSS sample), with the same minimum; every other engine answered as the reuse run did (fp32 export:
    /// log-likelihoods within 1e-3) and is in the ratios' secondsOverGenAi.
    /// </summary>
    private static Dictionary<string, JsonElement> AssertEngineRuns(CliRun run, string[] names)
    {
        var root = JsonDocument.Parse(run.Stdout).RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().Equal("questions", "intraOpThreads", "intraOpSpinning", "runs", "ratios", "glibcTunables");
        var questions = root.GetProperty("questions").GetInt32();
        questions.Should().Be(6, "--limit 2 on the sample's three MMLU subjects");
        var list = root.GetProperty("runs").EnumerateArray().ToList();
        list.Select(r => r.GetProperty("name").GetString()).Should().Equal(names);
        var runs = list.ToDictionary(r => r.GetProperty("name").GetString()!);
        var minimum = runs["reuse"].GetProperty("minimumTokens").GetInt64();
        var reuseSeconds = questions / runs["reuse"].GetProperty("questionsPerSecond").GetDouble();
        var secondsOverGenAi = root.GetProperty("ratios").GetProperty("secondsOverGenAi");
        secondsOverGenAi.EnumerateObject().Select(p => p.Name).Should().Equal(names.Except(["naive", "reuse", "floor"]));
        foreach (var (name, entry) in runs)
        {
            entry.GetProperty("minimumTokens").GetInt64().Should().Be(minimum, $"{name}: the same prompts");
            entry.GetProperty("peakRssBytes").GetInt64().Should().BePositive();
            if (name is "naive" or "reuse" or "floor")
            {
                entry.EnumerateObject().Select(p => p.Name).Should().Equal(name == "floor" ? RunFields : [.. RunFields, .. HarnessFields], name);
                continue;
            }

            if (name == "llamacpp")
            {
                entry.EnumerateObject().Select(p => p.Name).Should().Equal([.. RunFields, .. HarnessFields, .. EngineFields], name);
                entry.GetProperty("prefilledTokens").GetInt64().Should().BeGreaterThanOrEqualTo(minimum, "llama.cpp keeps one sequence's shared prefix");
            }

            entry.GetProperty("rss").EnumerateArray().Last().GetProperty("questions").GetInt32().Should().Be(questions, $"{name} scores the GenAI runs' questions");
            entry.GetProperty("answersDifferentFromGenAi").GetInt32().Should().Be(0, name);
            entry.GetProperty("maxAbsLogLikelihoodDeltaFromGenAi").GetDouble().Should().BeLessThan(1e-3, name);
            entry.GetProperty("forwardSeconds").GetDouble().Should().BePositive();
            var seconds = questions / entry.GetProperty("questionsPerSecond").GetDouble();
            (entry.GetProperty("forwardSeconds").GetDouble() + entry.GetProperty("harnessSeconds").GetDouble()).Should().BeApproximately(seconds, 1e-6, $"{name}: forward and harness seconds are its wall time");
            secondsOverGenAi.GetProperty(name).GetDouble().Should().BeApproximately(seconds / reuseSeconds, 1e-9);
        }

        run.Stderr.Should().NotContain("warning", "every engine answered as genai");
        return runs;
    }

    [Fact]
    public async Task AThreadCountBelowOneIsRefusedNamingTheOption()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "mmlu", "--threads", "0");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--threads must be at least 1 (got 0)");
    }

    [Fact]
    public async Task TheFloorRunsWithTheThreadCountAskedFor()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Folder, "--benchmark", "ceval", "--limit", "1", "--runs", "reuse,floor", "--threads", "1", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        using var document = JsonDocument.Parse(run.Stdout);
        document.RootElement.GetProperty("intraOpThreads").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task AnUnprunedExportWithQwensVocabularyIsToldHowToAvoidItsFreshLogitsBuffers()
    {
        var run = await CliRun.RunAsync("bench", "--model", TinyModel.Qwen3Folder, "--benchmark", "ceval", "--limit", "1", "--runs", "reuse");

        run.ExitCode.Should().Be(0, run.Stderr);
        if (Environment.GetEnvironmentVariable("GLIBC_TUNABLES")?.Contains("glibc.malloc.hugetlb=1", StringComparison.Ordinal) == true)
        {
            run.Stderr.Should().NotContain("note:", "huge pages are already asked for");
            return;
        }

        run.Stderr.Should().Contain("note: this export returns logits at every appended position ([tokens, 151936]")
            .And.Contain("prune_lm_head=true").And.Contain("GLIBC_TUNABLES=glibc.malloc.hugetlb=1");
        run.Stdout.Should().Contain("questions,", "the note does not stop the run");
    }
}
